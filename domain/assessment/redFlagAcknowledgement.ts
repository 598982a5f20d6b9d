/**
 * Acknowledging a lone weak red flag instead of referring (decision record
 * 0011). Most single red flags barely change the chance of serious disease
 * in back pain and are positive in most patients without it: 80.4% of 1,172
 * primary-care patients had at least one, 0.9% had serious disease (Henschke
 * et al., Arthritis Rheum 2009, doi:10.1002/art.24853). Age over 50 and
 * failure to improve after a month have high false-positive rates (Henschke
 * et al., Cochrane 2013, CD008686). The information lies in combinations of
 * flags (Deyo & Diehl, J Gen Intern Med 1988; Downie et al., BMJ 2013,
 * doi:10.1136/bmj.f7095; Premkumar et al., JBJS 2018), so only a single weak
 * flag, with no other flag, may be acknowledged; two or more, any strong flag
 * and any cauda equina sign still need a recorded referral.
 *
 * The practitioner picks the reason from a short list instead of writing a
 * justification, and must confirm the patient was safety-netted: serious
 * disease can declare itself later (Finucane et al., JOSPT 2020,
 * doi:10.2519/jospt.2020.9971), which is also why an acknowledgement belongs
 * to one screen and does not carry over to the next.
 */
import { AGE_FLAG_ID, RED_FLAGS } from "./redFlags.ts";

export interface AcknowledgementReason {
  id: string;
  /** Our short wording, as the practitioner picks it. */
  label: string;
  /** The weak flags it may acknowledge. */
  flags: readonly string[];
}

const WEAK_FLAGS = RED_FLAGS.filter((flag) => flag.weakAlone).map((flag) => flag.id);

export const ACKNOWLEDGEMENT_REASONS: readonly AcknowledgementReason[] = [
  { id: "age-only", label: "Age is the only positive finding; every other answer is no", flags: [AGE_FLAG_ID] },
  {
    id: "long-standing-unchanged",
    label: "Long-standing pain of unchanged character, already assessed by a physician for this episode",
    flags: ["no-improvement-1-month"],
  },
  {
    id: "position-related-night-pain",
    label: "Night or lying-down pain is the only finding and changes with position",
    flags: ["pain-worse-lying-night"],
  },
  { id: "no-suspicion-on-examination", label: "No suspicion of serious disease after history and examination", flags: WEAK_FLAGS },
  { id: "physician-reviewed", label: "The patient's physician has reviewed this finding (say when in the note)", flags: WEAK_FLAGS },
];

/** What must be confirmed with every acknowledgement. */
export const SAFETY_NET_STATEMENT =
  "I told the patient which new symptoms need urgent care (bladder or bowel change, numbness between the legs, fever, weakness) and when we review.";

export interface Acknowledgement {
  reasonId: string;
  safetyNetted: true;
}

/**
 * The reasons that may acknowledge a screen's positive flags, or null when
 * the screen needs a referral: it is acknowledgeable only when exactly one
 * flag is positive and that flag is weak alone.
 */
export function acknowledgementReasons(positiveIds: readonly string[]): AcknowledgementReason[] | null {
  if (positiveIds.length !== 1) return null;
  const [only] = positiveIds;
  if (!WEAK_FLAGS.includes(only!)) return null;
  return ACKNOWLEDGEMENT_REASONS.filter((reason) => reason.flags.includes(only!));
}

export type AcknowledgementCheck = { ok: true; reason: AcknowledgementReason } | { ok: false; message: string };

export function checkAcknowledgement(positiveIds: readonly string[], acknowledgement: { reasonId: string; safetyNetted: boolean }): AcknowledgementCheck {
  const reasons = acknowledgementReasons(positiveIds);
  if (!reasons) {
    return {
      ok: false,
      message:
        positiveIds.length > 1
          ? "More than one red flag is positive: together they need a referral. Record where the patient was referred or who assessed them."
          : "This red flag needs a referral. Only age, night pain or no improvement after a month, on its own, may be acknowledged.",
    };
  }
  const reason = reasons.find((r) => r.id === acknowledgement.reasonId);
  if (!reason) return { ok: false, message: "Choose one of the listed reasons for this flag." };
  if (!acknowledgement.safetyNetted) return { ok: false, message: "Confirm the patient was told which new symptoms need urgent care." };
  return { ok: true, reason };
}
