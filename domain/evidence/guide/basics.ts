/**
 * Guide topics 1–4: what acupuncture is, how it may work, its types, a visit.
 * Our own words throughout; every fact carries its citation keys.
 */
import { ADJUNCTS, ACUPUNCTURE_STYLES, MODALITIES, type AdjunctId, type ModalityId } from "../../treatment/modalities.ts";
import type { Block, GuideSection, GuideTopic } from "../guide.ts";

/**
 * Cherkin 2009's standardised prescription as the protocol library holds it
 * (clinical-facts §9): the guide test checks these against PROTOCOLS, which
 * the guide cannot import without pulling the whole atlas into its bundle.
 */
export const CHERKIN_POINTS = ["BL23", "BL40", "KI3", "GV3"] as const;
export const CHERKIN_NEEDLES = 8;
export const CHERKIN_RETENTION_MINUTES = 20;

export const WHAT_IS_ACUPUNCTURE: GuideTopic = {
  slug: "what-is-acupuncture",
  title: "What acupuncture is",
  question: "What is acupuncture?",
  lead: {
    text: "In acupuncture, a trained person puts very thin needles through the skin at chosen spots on the body. These spots are called points. For back pain, most points are on the back and the legs.",
    cite: ["cherkin2009", "tara"],
  },
  sections: [
    {
      id: "roots",
      heading: "Where it comes from",
      blocks: [
        {
          kind: "about",
          text: "Acupuncture grew out of Chinese medicine. It spread to Japan, Korea and other parts of East Asia, and each place made its own styles.",
        },
        {
          kind: "about",
          text: "The old teaching says that a life force called qi flows through the body along paths called meridians, or channels. In this view, pain comes when the flow is blocked, and needles at the right points help it move again.",
        },
        {
          kind: "advice",
          text: "Qi and meridians are how the tradition explains itself. Science has not found them as parts of the body. Research on how needles might ease pain looks at nerves, the brain and muscle instead. The next page explains what is known.",
        },
        { kind: "link", to: "/guide/how-it-may-work", text: "How it is thought to ease back pain" },
      ],
    },
    {
      id: "western-use",
      heading: "How it came into Western medicine",
      blocks: [
        {
          kind: "text",
          text: "Since the 1970s, doctors and scientists in the West have tested needles in lab studies and then in large trials. Some of the largest trials of all were about back pain.",
          cite: ["mayer1977", "haake2007", "cherkin2009"],
        },
        {
          kind: "text",
          text: "Today some guidelines for doctors name acupuncture as one choice for back pain, and some do not. Since 2020, Medicare in the US has paid for it for long-term low back pain.",
          cite: ["qaseem2017", "nice2016", "ncd30_3_3"],
        },
      ],
    },
    {
      id: "points",
      heading: "The points",
      blocks: [
        {
          kind: "text",
          text: "Each point has a name and a code, such as BL40 or Weizhong, at the back of the knee. The points used in back pain trials are mostly on the lower back, the buttock and the leg.",
          cite: ["tara", "cherkin2009"],
        },
        { kind: "link", to: "/atlas", text: "Look up any point in the atlas" },
      ],
    },
  ],
};

export const HOW_IT_MAY_WORK: GuideTopic = {
  slug: "how-it-may-work",
  title: "How it is thought to ease back pain",
  question: "How could needles ease back pain?",
  lead: {
    text: "No one knows for sure. There are three main ideas. Each has some support from lab studies, but none has been shown to explain the results seen in patients.",
    cite: ["pomeranz1987", "chapman1983", "goldman2010"],
  },
  sections: [
    {
      id: "nerves",
      heading: "1. Signals in the nerves and the brain",
      grade: {
        from: ["animal", "human-lab"],
        summary: "Not shown to be the reason patients feel better.",
        cite: ["pomeranz1987", "hui2000"],
      },
      blocks: [
        {
          kind: "text",
          text: "A needle in the skin and muscle sends signals up the nerves to the spinal cord. One old idea, the gate theory, says such signals can close a gate in the spinal cord to pain signals.",
          cite: ["melzack1965", "pomeranz1987"],
        },
        {
          kind: "text",
          text: "Brain scans in healthy people show that needling can change activity in parts of the brain that deal with pain and mood.",
          cite: ["hui2000"],
        },
        {
          kind: "text",
          text: "Many of the points used for back pain lie right over nerves. The atlas lists the nerves under each point. Here are the points from one large trial.",
          cite: ["tara", "cherkin2009"],
        },
        // The Cherkin 2009 standardised points (domain/treatment/protocols.ts; the test checks they agree).
        // Written out so the guide's bundle does not carry the atlas data.
        { kind: "nerves", points: [...CHERKIN_POINTS], cite: ["tara", "cherkin2009"] },
      ],
    },
    {
      id: "chemicals",
      heading: "2. The body's own pain killers",
      grade: {
        from: ["animal", "human-lab"],
        summary: "Most of it comes from animals, and tests in people disagree.",
        cite: ["han2003", "mayer1977", "chapman1983"],
      },
      blocks: [
        {
          kind: "text",
          text: "The body makes its own opioids, called endorphins and enkephalins. Animal studies found that needling, most of all with a small electric current, can release them. It may also raise serotonin and noradrenaline, two chemicals that help damp down pain.",
          cite: ["han2003", "pomeranz1987"],
        },
        {
          kind: "text",
          text: "Naloxone is a drug that blocks opioids. In a 1977 study, it took away the pain relief that needling gave healthy people. That suggested the body's opioids were at work.",
          cite: ["mayer1977"],
        },
        {
          kind: "text",
          text: "But a later team tried to repeat this in 1983 and could not. Naloxone did not undo the effect in their tests. So this idea is not settled.",
          cite: ["chapman1983"],
        },
      ],
    },
    {
      id: "local",
      heading: "3. Effects in muscle and tissue",
      grade: {
        from: ["animal"],
        summary: "Not yet tested in patients.",
        cite: ["goldman2010", "langevin2001"],
      },
      blocks: [
        {
          kind: "text",
          text: "In mice, needling released a chemical called adenosine near the needle, and it eased pain there. Mice that could not respond to adenosine got no relief.",
          cite: ["goldman2010"],
        },
        {
          kind: "text",
          text: "Turning a needle winds the thin tissue around it. One team suggests this pull on the tissue sends signals to cells. This has been seen in animal tissue, not shown to help people.",
          cite: ["langevin2001"],
        },
      ],
    },
    {
      id: "unknown",
      heading: "What is not known",
      blocks: [
        {
          kind: "text",
          text: "In big trials, real needles did only a little better than sham needles, which do not go in or go in at the wrong spots. So much of the gain may come from the visit itself, the touch, and what people expect. Both kinds of needles did better than usual care.",
          cite: ["haake2007", "cherkin2009", "vickers2012"],
        },
        {
          kind: "advice",
          text: "No one knows yet which parts of a treatment matter most: the points, how deep the needles go, the care of the practitioner, or the hope of getting better.",
        },
      ],
    },
  ],
};

/** What the guide says about each modality the chart records: keyed by the chart's own ids, so a new modality cannot be left out. */
const MODALITY_TEXT: Record<ModalityId, Block[]> = {
  manual: [
    {
      kind: "text",
      text: "Needles are put in by hand and may be turned or moved up and down a little. This is what most trials of back pain tested.",
      cite: ["haake2007", "cherkin2009"],
    },
    {
      kind: "text",
      text: `There are many styles: ${ACUPUNCTURE_STYLES.map((s) => s.label.split(" (")[0]).join(", ")}. They differ in how points are picked and how deep and how often needles go in. Styles have not been tested against each other for back pain in the trials cited here.`,
      cite: ["macpherson2010", "cherkin2009"],
    },
    {
      kind: "text",
      text: "In one trial, needles chosen for each person, a fixed set of points, and sham needles that did not go in all helped about the same.",
      cite: ["cherkin2009"],
    },
    { kind: "advice", text: "It is offered by licensed acupuncturists and by some doctors. Its risks are the ones on the safety page: mostly small bruises and soreness." },
    { kind: "link", to: "/guide/safety", text: "Is it safe?" },
  ],
  electro: [
    {
      kind: "text",
      text: "Small clips join pairs of needles to a box that sends a weak electric current. You feel a tapping or buzz. One back pain trial added it to an exercise plan.",
      cite: ["han2003", "tara"],
    },
    {
      kind: "advice",
      text: "Tell your practitioner if you have a pacemaker or other implanted device. The current should not be used near one, or across the chest or head.",
    },
  ],
  "dry-needling": [
    {
      kind: "about",
      text: "Dry needling puts needles into tight spots in muscles, called trigger points. It comes from Western medicine, not from the old Chinese teaching. It is often done by physical therapists, whose training for it is not the same as a licensed acupuncturist's degree.",
    },
    {
      kind: "text",
      text: "The Cochrane review of 2005 looked at acupuncture and dry needling together for back pain. Medicare covers dry needling for long-term low back pain on the same terms as acupuncture.",
      cite: ["furlan2005", "ncd30_3_3"],
    },
  ],
};

const ADJUNCT_TEXT: Record<AdjunctId, string> = {
  moxibustion: "A dried herb, mugwort, is burned on or near a point to warm it. The main risk is a burn.",
  cupping: "Cups are set on the skin with suction. They leave round marks, like bruises, that fade in a few days.",
  "heat-lamp": "A lamp warms the skin while the needles are in.",
  "gua-sha": "The skin is scraped with a smooth tool until it turns red. It can leave marks for a few days.",
};

export const TYPES: GuideTopic = {
  slug: "types",
  title: "Types of acupuncture",
  question: "What kinds are there, and what does each offer?",
  lead: {
    text: "Most of the research on back pain is about needles put in and moved by hand. Other kinds are less tested. Here is what each one is and what to watch for.",
    cite: ["vickers2012", "mu2020"],
  },
  sections: [
    ...MODALITIES.map(
      (m): GuideSection => ({ id: m.id, heading: m.label, blocks: MODALITY_TEXT[m.id] }),
    ),
    {
      id: "auricular",
      heading: "Ear (auricular) acupuncture",
      blocks: [
        {
          kind: "text",
          text: "Tiny needles or seeds are put on points on the ear. One trial of back pain in pregnancy used an ear point at each visit. In our trials table, no back pain trial used ear points alone.",
          cite: ["tara"],
        },
      ],
    },
    {
      id: "adjuncts",
      heading: "Treatments given with the needles",
      blocks: [
        // What each practice is (a description, not a claim about what it does), read from the chart's own list.
        ...ADJUNCTS.map((a): Block => ({ kind: "about", text: `${a.label}: ${ADJUNCT_TEXT[a.id]}` })),
        {
          kind: "advice",
          text: "These have been studied much less than needles for back pain. Ask what is planned and why.",
        },
      ],
    },
  ],
};


export const YOUR_VISIT: GuideTopic = {
  slug: "your-visit",
  title: "What a visit is like",
  question: "What happens at a visit?",
  lead: {
    text: "You stay awake the whole time. Most people lie face down on a padded table. A course is often about ten visits over six to eight weeks.",
    cite: ["cherkin2009", "haake2007"],
  },
  sections: [
    {
      id: "first-visit",
      heading: "The first visit",
      blocks: [
        {
          kind: "text",
          text: "You will be asked about your pain, your health, your drugs, and what you hope to do again. The practitioner also checks for warning signs that need a doctor first, not needles.",
          cite: ["ahcpr1994"],
        },
        {
          kind: "list",
          items: [
            { text: "A recent fall or injury, or weak bones.", cite: ["ahcpr1994"] },
            { text: "Cancer in the past, fever, or weight loss you can't explain.", cite: ["ahcpr1994"] },
            { text: "Numbness between the legs, new trouble passing urine, or legs that grow weak. Go to an emergency room the same day.", cite: ["ahcpr1994"] },
          ],
        },
      ],
    },
    {
      id: "needles",
      heading: "The needles",
      blocks: [
        {
          kind: "text",
          text: `The needles are very thin and used once. In one trial, ${CHERKIN_NEEDLES} needles were used, left in for ${CHERKIN_RETENTION_MINUTES} minutes, and turned gently.`,
          cite: ["cherkin2009"],
        },
        {
          kind: "text",
          text: "Many people feel a dull ache, weight or tingle around a needle. This feeling is called de qi. Some feel very little.",
          cite: ["tara", "macpherson2010"],
        },
        {
          kind: "text",
          text: "Afterwards, a few people feel tired or a little dizzy, or see a small bruise.",
          cite: ["witt2009", "macpherson2004"],
        },
      ],
    },
    {
      id: "course",
      heading: "How many visits",
      blocks: [
        {
          kind: "list",
          items: [
            { text: "Cherkin 2009: 10 visits over 7 weeks, twice a week at first and then once a week.", cite: ["cherkin2009"] },
            { text: "GERAC: 10 visits of 30 minutes, about twice a week.", cite: ["haake2007"] },
          ],
        },
        {
          kind: "advice",
          text: "Ask how you and your practitioner will tell if it is helping, and when you will stop if it is not.",
        },
      ],
    },
  ],
};
