/**
 * Red-flag screen for low back pain (AHCPR 1994 Table 1 with the NICE/CKS
 * additions; clinical-facts §5). Any positive finding stops the path to
 * treatment with its reason and action until the practitioner records a
 * referral or a clinical justification. Cauda equina signs call for same-day
 * emergency referral, not acupuncture.
 */
export type RedFlagCategory = "fracture" | "cancer or infection" | "cauda equina";

export interface RedFlag {
  id: string;
  category: RedFlagCategory;
  /** Our short wording of the question or finding. */
  label: string;
}

export const RED_FLAGS: readonly RedFlag[] = [
  { id: "major-trauma", category: "fracture", label: "Major trauma (e.g. road accident, fall from a height)" },
  { id: "minor-trauma-older", category: "fracture", label: "Minor trauma or strenuous lifting in an older or osteoporotic patient" },
  { id: "long-term-steroids", category: "fracture", label: "Long-term corticosteroid use" },
  { id: "age-over-50-or-under-20", category: "cancer or infection", label: "Age over 50 or under 20" },
  { id: "history-of-cancer", category: "cancer or infection", label: "History of cancer" },
  { id: "fever-chills-weight-loss", category: "cancer or infection", label: "Fever, chills or unexplained weight loss" },
  { id: "recent-infection-ivdu-immunosuppression", category: "cancer or infection", label: "Recent bacterial infection, intravenous drug use or immunosuppression" },
  { id: "pain-worse-lying-night", category: "cancer or infection", label: "Pain worse lying down, or severe night pain" },
  { id: "no-improvement-1-month", category: "cancer or infection", label: "No improvement after a month" },
  { id: "penetrating-wound", category: "cancer or infection", label: "Penetrating wound near the spine" },
  { id: "saddle-anaesthesia", category: "cauda equina", label: "Saddle anaesthesia (numbness between the legs or around the anus)" },
  { id: "bladder-dysfunction", category: "cauda equina", label: "New bladder problems: retention, frequency or overflow incontinence" },
  { id: "lax-anal-sphincter", category: "cauda equina", label: "Lax anal sphincter or new bowel incontinence" },
  { id: "perianal-sensory-loss", category: "cauda equina", label: "Loss of feeling around the anus or perineum" },
  { id: "progressive-neuro-deficit", category: "cauda equina", label: "Severe or progressive neurological deficit in the legs" },
  { id: "major-motor-weakness", category: "cauda equina", label: "Major motor weakness (knee extension, foot drop)" },
];

/** What to do, by category (clinical-facts §5). */
export const RED_FLAG_ACTIONS: Record<RedFlagCategory, { urgency: "same-day emergency" | "prompt medical review"; action: string }> = {
  "cauda equina": {
    urgency: "same-day emergency",
    action: "Possible cauda equina syndrome: refer to emergency care today. Do not treat with acupuncture.",
  },
  fracture: { urgency: "prompt medical review", action: "Possible fracture: refer for medical assessment and imaging before treatment." },
  "cancer or infection": {
    urgency: "prompt medical review",
    action: "Possible cancer or infection: refer for medical assessment before treatment.",
  },
};

export type RedFlagAnswers = Partial<Record<string, boolean>>;

export type RedFlagScreen =
  | { outcome: "clear"; unanswered: [] }
  | { outcome: "incomplete"; unanswered: string[] }
  | {
      outcome: "stop";
      positives: RedFlag[];
      /** The most urgent action first. */
      actions: { category: RedFlagCategory; urgency: string; action: string }[];
      emergency: boolean;
    };

/**
 * Screens the answers. The age flag is derived from the age when given, so it
 * is never left to memory. Every question must be answered: an unanswered
 * question is not a "no".
 */
export function screenRedFlags(answers: RedFlagAnswers, context: { ageYears?: number } = {}): RedFlagScreen {
  const filled: RedFlagAnswers = { ...answers };
  if (context.ageYears !== undefined) filled["age-over-50-or-under-20"] = context.ageYears > 50 || context.ageYears < 20;
  const unanswered = RED_FLAGS.filter((flag) => filled[flag.id] === undefined).map((flag) => flag.id);
  const positives = RED_FLAGS.filter((flag) => filled[flag.id] === true);
  if (positives.length > 0) {
    const categories = [...new Set(positives.map((flag) => flag.category))];
    const order: RedFlagCategory[] = ["cauda equina", "fracture", "cancer or infection"];
    categories.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return {
      outcome: "stop",
      positives,
      actions: categories.map((category) => ({ category, ...RED_FLAG_ACTIONS[category] })),
      emergency: categories.includes("cauda equina"),
    };
  }
  if (unanswered.length > 0) return { outcome: "incomplete", unanswered };
  return { outcome: "clear", unanswered: [] };
}
