/**
 * Password rules after NIST SP 800-63B §5.1.1.2: at least 8 characters for a
 * user-chosen secret (we ask 10 because these accounts open health records),
 * no composition rules, a generous maximum, and a check against obviously
 * guessable values.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const GUESSABLE = new Set(["password", "acupuncture", "acuback", "qwertyuiop", "letmein", "123456789"]);

export type PasswordProblem = "too_short" | "too_long" | "too_guessable";

export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "too_short";
  if ([...password].length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[^a-z]/g, "");
  if (GUESSABLE.has(lower) || GUESSABLE.has(stripped) || /^(.)\1+$/.test(password) || /^\d+$/.test(password)) {
    return "too_guessable";
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "too_guessable";
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  too_guessable: "That password is too easy to guess; a few unrelated words work well.",
};
