/**
 * Red-flag screen for low back pain (AHCPR 1994 Table 1 with the NICE/CKS
 * additions; clinical-facts §5). Any positive finding stops the path to
 * treatment with its reason and action until the practitioner records a
 * referral, or acknowledges a lone weak flag with a listed reason
 * (redFlagAcknowledgement.ts; decision record 0011). Cauda equina signs call
 * for same-day emergency referral, not acupuncture.
 */
export type RedFlagCategory = "fracture" | "cancer or infection" | "cauda equina";

export interface RedFlag {
  id: string;
  category: RedFlagCategory;
  /** Our short wording of the question or finding. */
  label: string;
  /**
   * A flag that, on its own, barely changes the chance of serious disease and
   * is often positive in people without it: age over 50 and failure to improve
   * after a month (Henschke et al., Cochrane 2013, CD008686: high
   * false-positive rates), night or lying-down pain (Premkumar et al., JBJS
   * 2018: waking at night predicted no serious diagnosis). Only such a flag,
   * alone, may be acknowledged instead of referred.
   */
  weakAlone?: true;
}

export const RED_FLAGS: readonly RedFlag[] = [
  { id: "major-trauma", category: "fracture", label: "Major trauma (e.g. road accident, fall from a height)" },
  { id: "minor-trauma-older", category: "fracture", label: "Minor trauma or strenuous lifting in an older or osteoporotic patient" },
  { id: "long-term-steroids", category: "fracture", label: "Long-term corticosteroid use" },
  { id: "age-over-50-or-under-20", category: "cancer or infection", label: "Age over 50 or under 20", weakAlone: true },
  { id: "history-of-cancer", category: "cancer or infection", label: "History of cancer" },
  { id: "fever-chills-weight-loss", category: "cancer or infection", label: "Fever, chills or unexplained weight loss" },
  { id: "recent-infection-ivdu-immunosuppression", category: "cancer or infection", label: "Recent bacterial infection, intravenous drug use or immunosuppression" },
  { id: "pain-worse-lying-night", category: "cancer or infection", label: "Pain worse lying down, or severe night pain", weakAlone: true },
  { id: "no-improvement-1-month", category: "cancer or infection", label: "No improvement after a month", weakAlone: true },
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

export const AGE_FLAG_ID = "age-over-50-or-under-20";

/** A positive flag with the answer that raised it, so nobody is told "refer" without knowing why. */
export interface RaisedFlag {
  id: string;
  category: RedFlagCategory;
  label: string;
  weakAlone: boolean;
  raisedBy: string;
}

/**
 * Why a flag is positive, in the practitioner's terms. The age flag is worked
 * out from the date of birth, never asked, so it names the age (when the
 * screen kept it) rather than an answer nobody gave.
 */
export function raisedFlags(positiveIds: readonly string[], ageYears: number | null = null): RaisedFlag[] {
  return RED_FLAGS.filter((flag) => positiveIds.includes(flag.id)).map((flag) => ({
    id: flag.id,
    category: flag.category,
    label: flag.label,
    weakAlone: flag.weakAlone === true,
    raisedBy:
      flag.id !== AGE_FLAG_ID
        ? `Answered yes: ${flag.label}.`
        : ageYears === null
          ? "Age over 50 or under 20, worked out from the date of birth."
          : `Age ${ageYears} at the screen (${ageYears > 50 ? "over 50" : "under 20"}), worked out from the date of birth.`,
  }));
}

export type RedFlagScreen =
  | { outcome: "clear"; unanswered: [] }
  | { outcome: "incomplete"; unanswered: string[] }
  | {
      outcome: "stop";
      positives: RedFlag[];
      /** Each positive flag with what raised it. */
      raised: RaisedFlag[];
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
  if (context.ageYears !== undefined) filled[AGE_FLAG_ID] = context.ageYears > 50 || context.ageYears < 20;
  const unanswered = RED_FLAGS.filter((flag) => filled[flag.id] === undefined).map((flag) => flag.id);
  const positives = RED_FLAGS.filter((flag) => filled[flag.id] === true);
  if (positives.length > 0) {
    const categories = [...new Set(positives.map((flag) => flag.category))];
    const order: RedFlagCategory[] = ["cauda equina", "fracture", "cancer or infection"];
    categories.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return {
      outcome: "stop",
      positives,
      raised: raisedFlags(
        positives.map((flag) => flag.id),
        context.ageYears ?? null,
      ),
      actions: categories.map((category) => ({ category, ...RED_FLAG_ACTIONS[category] })),
      emergency: categories.includes("cauda equina"),
    };
  }
  if (unanswered.length > 0) return { outcome: "incomplete", unanswered };
  return { outcome: "clear", unanswered: [] };
}
