/**
 * Guide topics 5–7: does it work, safety, alone or with other care.
 * Figures from clinical-facts.md §6 and §8 and the sources' abstracts.
 */
import { FIGURES } from "../figures.ts";
import type { GuideTopic } from "../guide.ts";

const gerac = FIGURES["gerac-responders"].arms;

export const DOES_IT_WORK: GuideTopic = {
  slug: "does-it-work",
  title: "Does it work for back pain?",
  question: "Does acupuncture help long-term low back pain?",
  lead: {
    text: "It helps some people more than usual care does. But real needles do only a little better than sham needles. Experts read this in different ways, so guidelines disagree.",
    cite: ["haake2007", "cherkin2009", "vickers2012", "mu2020", "qaseem2017", "nice2016"],
  },
  sections: [
    {
      id: "gerac",
      heading: "The largest trial: GERAC",
      blocks: [
        {
          kind: "text",
          text: `A German trial, GERAC, gave 1,162 people with long-term low back pain one of three things: acupuncture, sham acupuncture with shallow needles at the wrong spots, or usual care with drugs, physical therapy and exercise. Six months later, about ${Math.round(gerac[0]!.percent)} in 100 had been helped with acupuncture, ${Math.round(gerac[1]!.percent)} in 100 with sham, and ${Math.round(gerac[2]!.percent)} in 100 with usual care.`,
          cite: ["haake2007"],
        },
        { kind: "figure", figure: "gerac-responders", cite: ["haake2007"] },
      ],
    },
    {
      id: "cherkin",
      heading: "A US trial: Cherkin 2009",
      blocks: [
        {
          kind: "text",
          text: "In the US, 638 adults had one of four things: needles picked for each person, a fixed set of needles, a fake needle that only pressed on the skin, or usual care. After 8 weeks, all three needle groups had improved about the same, and more than usual care.",
          cite: ["cherkin2009"],
        },
        { kind: "figure", figure: "cherkin-meaningful", cite: ["cherkin2009"] },
      ],
    },
    {
      id: "all-trials",
      heading: "All the trials together",
      blocks: [
        {
          kind: "text",
          text: "One team pooled the data of 17,922 people from 29 trials. For back and neck pain, the gain over sham needles was small, 0.23 on a common scale. The gain over no acupuncture was about twice as large, 0.55.",
          cite: ["vickers2012"],
        },
        { kind: "figure", figure: "vickers-effects", cite: ["vickers2012"] },
        {
          kind: "text",
          text: "An update with 39 trials and 20,827 people found the same kind of result. The benefit shrank by about 15 in 100 over a year, so most of it lasted.",
          cite: ["vickers2018"],
        },
        {
          kind: "text",
          text: "A Cochrane review of 33 studies and 8,270 people found that, compared with sham, acupuncture may not give pain relief large enough to notice right after treatment. Compared with no treatment, it did better for pain and daily life. The review rated how sure it could be as very low to moderate.",
          cite: ["mu2020"],
        },
      ],
    },
    {
      id: "guidelines",
      heading: "What the guidelines say",
      blocks: [
        {
          kind: "compare",
          rows: [
            {
              who: "American College of Physicians (2017)",
              says: "Acupuncture is one of the first non-drug options to try for back pain, both new and long-term.",
              cite: ["qaseem2017"],
            },
            {
              who: "NICE, England (2016)",
              says: "Do not offer acupuncture for low back pain.",
              cite: ["nice2016"],
            },
          ],
        },
        {
          kind: "advice",
          text: "Both read the same kind of trials. The US group gave weight to the gain over usual care. The English group gave weight to the small gap between real and sham needles.",
        },
      ],
    },
  ],
};

export const SAFETY: GuideTopic = {
  slug: "safety",
  title: "Is it safe?",
  question: "What are the risks?",
  lead: {
    text: "In large studies, serious harm was rare. Small bruises and brief soreness were the most common problems.",
    cite: ["witt2009", "macpherson2004"],
  },
  sections: [
    {
      id: "common",
      heading: "Common and rare side effects",
      blocks: [
        {
          kind: "text",
          text: "A German study followed 229,230 people who had acupuncture. About 9 in 100 had at least one side effect. About 2 in 100 needed care for it.",
          cite: ["witt2009"],
        },
        {
          kind: "list",
          items: [
            { text: "Bleeding or a bruise: about 6 in 100 people.", cite: ["witt2009"] },
            { text: "Pain where a needle went in: about 2 in 100.", cite: ["witt2009"] },
            { text: "Feeling faint, sick or sweaty: less than 1 in 100.", cite: ["witt2009"] },
            { text: "A collapsed lung: 2 people in the whole study.", cite: ["witt2009"] },
          ],
        },
        { kind: "advice", text: "A collapsed lung can happen when a needle goes too deep in the chest or upper back, which is why depth there is kept shallow." },
        {
          kind: "text",
          text: "In a survey in England, about 107 in 1,000 people reported some side effect over three months of care.",
          cite: ["macpherson2004"],
        },
        {
          kind: "text",
          text: "In the same survey, about 1 in 4 people (24.4%) felt tired or drowsy just after a visit.",
          cite: ["macpherson2005"],
        },
        { kind: "advice", text: "If you feel sleepy after a visit, wait before you drive." },
      ],
    },
    {
      id: "needles-left",
      heading: "Needles left in by mistake",
      blocks: [
        {
          kind: "text",
          text: "England's patient safety reports from 2009 to 2011 held 325 incidents with acupuncture. About a third were needles left in the body. In 59 cases, the patient found the needle after going home.",
          cite: ["npsa2012"],
        },
        {
          kind: "advice",
          text: "That is why clinics that use Acuback count every needle in and every needle out at each visit. A visit note cannot be signed until the counts match.",
        },
      ],
    },
    {
      id: "take-care",
      heading: "Who should take care",
      blocks: [
        {
          kind: "advice",
          text: "Tell your practitioner before treatment if any of these apply to you. Some mean a change in treatment; a few mean no needles at all.",
        },
        {
          kind: "questions",
          items: [
            "You bleed easily, or take a blood thinner.",
            "You are or may be pregnant.",
            "You have a pacemaker or other implanted device.",
            "You have seizures.",
            "You have an infection, an ulcer or a sore where needles would go.",
            "You have a weak immune system, or cancer near the area.",
          ],
        },
        { kind: "text", text: "In pregnancy, some points are avoided by tradition. A review found no clear proof that they cause harm, but most practitioners still take care with them.", cite: ["carr2015"] },
      ],
    },
  ],
};

export const WITH_OTHER_CARE: GuideTopic = {
  slug: "with-other-care",
  title: "Alone or with other care; instead of opioids?",
  question: "Should I use it alone, and can it replace pain drugs?",
  lead: {
    text: "In the big trials, acupuncture was added to or compared with usual care, not used alone for a long time. Whether it helps people take fewer opioids has not been shown.",
    cite: ["haake2007", "cherkin2009", "leejo2019"],
  },
  sections: [
    {
      id: "with-care",
      heading: "With exercise and usual care",
      blocks: [
        {
          kind: "text",
          text: "In the US trial, people kept their usual care, and the needles were added on top. In one small trial, needles with a weak current were added to a back exercise plan.",
          cite: ["cherkin2009", "tara"],
        },
        {
          kind: "text",
          text: "Guidelines in the US say to try non-drug care first, such as exercise, heat, and therapies like acupuncture.",
          cite: ["qaseem2017"],
        },
        { kind: "advice", text: "Keep up the exercise your doctor or therapist gave you. Needles are not a reason to stop moving." },
      ],
    },
    {
      id: "opioids",
      heading: "Instead of opioids?",
      blocks: [
        {
          kind: "text",
          text: "We did not find a trial of back pain that showed acupuncture helps people cut down opioids. A review of this question was planned in 2019. We have not reviewed its results here.",
          cite: ["leejo2019"],
        },
        {
          kind: "advice",
          text: "Never stop or cut an opioid on your own. Make any change with the doctor who prescribes it.",
        },
      ],
    },
  ],
};
