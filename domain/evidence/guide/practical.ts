/**
 * Guide topics 8–10: other conditions, insurance, choosing a practitioner.
 * The insurance page reads the coverage engine's own NCD 30.3.3 constants.
 */
import { NCD_ADDITIONAL_VISITS, NCD_CHRONIC_WEEKS, NCD_VISITS_PER_WINDOW, NCD_VISITS_PER_YEAR, NCD_WINDOW_DAYS } from "../../coverage/ncd30_3_3.ts";
import type { GuideTopic } from "../guide.ts";

export const OTHER_CONDITIONS: GuideTopic = {
  slug: "other-conditions",
  title: "Other conditions people ask about",
  question: "Does it help other problems?",
  lead: {
    text: "This guide is about back pain. For other problems we give one line on the evidence, or say we have not reviewed it.",
    cite: ["vickers2018"],
  },
  sections: [
    {
      id: "list",
      heading: "One line each",
      blocks: [
        {
          kind: "list",
          items: [
            { text: "Neck pain: in pooled trial data, a small gain over sham needles and a larger gain over no acupuncture, as for back pain.", cite: ["vickers2012"] },
            { text: "Headache and migraine: pooled data found a gain over sham and no acupuncture; a Cochrane review looks at migraine prevention.", cite: ["vickers2012", "linde2016"] },
            { text: "Knee osteoarthritis: pooled data found a gain over sham and no acupuncture.", cite: ["vickers2012"] },
            { text: "Fibromyalgia: our trials table holds three small trials. Not reviewed here.", cite: ["tara"] },
          ],
        },
        {
          kind: "advice",
          text: "Sciatica (leg pain from the back), infertility and allergies: not reviewed here. Ask your doctor, and be careful of claims that sound too sure.",
        },
        { kind: "link", to: "/guide/library", text: "See every trial in our table, by condition" },
      ],
    },
  ],
};

export const INSURANCE: GuideTopic = {
  slug: "insurance",
  title: "Will insurance pay?",
  question: "Does Medicare or my plan cover it?",
  lead: {
    text: "Medicare pays for acupuncture for long-term low back pain, within limits. Many private plans also cover some acupuncture. Always check with your plan first.",
    cite: ["ncd30_3_3"],
  },
  sections: [
    {
      id: "medicare",
      heading: "Medicare",
      blocks: [
        {
          kind: "list",
          items: [
            {
              text: `The pain must have lasted ${NCD_CHRONIC_WEEKS} weeks or more, with no clear cause such as cancer or infection, and not be from surgery or pregnancy.`,
              cite: ["ncd30_3_3"],
            },
            { text: `Up to ${NCD_VISITS_PER_WINDOW} visits in ${NCD_WINDOW_DAYS} days.`, cite: ["ncd30_3_3"] },
            { text: `${NCD_ADDITIONAL_VISITS} more visits only if you are getting better.`, cite: ["ncd30_3_3"] },
            { text: `No more than ${NCD_VISITS_PER_YEAR} visits a year. Care must stop if you are not getting better.`, cite: ["ncd30_3_3"] },
            {
              text: "A doctor may give it. Others, such as licensed acupuncturists, need a master's degree or higher in acupuncture from an accredited school, a full state licence, and a doctor or similar provider who supervises them.",
              cite: ["ncd30_3_3"],
            },
            { text: "Medicare does not pay for acupuncture for other problems.", cite: ["ncd30_3_3"] },
          ],
        },
      ],
    },
    {
      id: "plans",
      heading: "Private plans and employers",
      blocks: [
        { kind: "advice", text: "Many private plans and some employers cover acupuncture, but the rules vary a lot. Call your plan and ask:" },
        {
          kind: "questions",
          items: [
            "Is acupuncture covered for my back pain?",
            "How many visits a year, and do I need a referral or approval first?",
            "Must the practitioner be in your network?",
            "What will I pay for each visit?",
          ],
        },
      ],
    },
  ],
};

export const CHOOSING: GuideTopic = {
  slug: "choosing-a-practitioner",
  title: "Choosing a practitioner",
  question: "How do I find someone safe and well trained?",
  lead: {
    text: "In most states, an acupuncturist needs a state licence, often shown as L.Ac. Many also hold a national board certificate. Check both yourself.",
    cite: ["nccaom"],
  },
  sections: [
    {
      id: "licences",
      heading: "Licences and training",
      blocks: [
        {
          kind: "text",
          text: "The national board, NCCAOM, gives exams and certificates, shown as Dipl. Ac. or Dipl. O.M. About 43 states and Washington, DC use its exams. California uses its own exam.",
          cite: ["nccaom"],
        },
        {
          kind: "text",
          text: "Doctors and chiropractors may also give acupuncture, often with far less training in it than a licensed acupuncturist.",
          cite: ["nccaom"],
        },
        {
          kind: "text",
          text: "A national provider number (NPI) does not prove a licence or good care. It only shows that a provider signed up.",
          cite: ["nppes"],
        },
      ],
    },
    {
      id: "questions",
      heading: "Questions to ask",
      blocks: [
        {
          kind: "questions",
          items: [
            "Are you licensed in this state? Which board can I check?",
            "How many people with back pain do you treat?",
            "Do you use new, single-use needles?",
            "How will we know if it is working, and when would we stop?",
            "Do you take my insurance, or Medicare?",
          ],
        },
      ],
    },
    {
      id: "find",
      heading: "Find someone near you",
      blocks: [
        {
          kind: "advice",
          text: "Acuback's directory lists acupuncturists by place. Each listing says what has been checked. Before you book, look the person up on your state board's site and on NCCAOM's.",
        },
        { kind: "link", to: "/find", text: "Search the directory at /find" },
      ],
    },
  ],
};
