/**
 * Two-factor sign-in's fixed terms, shared by the server and the browser:
 * the authenticator's code (TOTP, RFC 6238) and the recovery codes' shape.
 * See docs/decisions/0019-two-factor-sign-in.md.
 */

/**
 * The parameters every common authenticator app assumes when a QR code names
 * none: 6 digits, HMAC-SHA-1 (RFC 4226's HOTP, which RFC 6238 builds on) and
 * 30-second steps (RFC 6238 section 5.2 recommends 30 seconds). Some apps,
 * Google Authenticator among them, ignore other values.
 */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/**
 * Codes of one step either side of now are accepted: RFC 6238 section 5.2
 * recommends "at most one time step" of allowance for clock drift and the
 * time it takes to type the code.
 */
export const TOTP_WINDOW_STEPS = 1;

export const TOTP_CODE_PATTERN = /^\d{6}$/;

/** Recovery codes made at once; each works one time. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * Crockford's base32 alphabet: digits and letters without I, L, O and U, so a
 * code read off paper cannot be mistyped as a look-alike. Ten characters carry
 * 50 random bits: far beyond online guessing, which the sign-in limits stop.
 */
export const RECOVERY_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECOVERY_CODE_LENGTH = 10;

/** "7KQ2MXR4TB" as it is shown and printed: "7KQ2M-XR4TB". */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * A recovery code as typed, in the one form that is compared: capitals,
 * spaces and dashes dropped, and the look-alikes Crockford names read as the
 * digit they resemble (O as 0, I and L as 1). Null when it cannot be a code.
 */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== RECOVERY_CODE_LENGTH) return null;
  return [...code].every((c) => RECOVERY_CODE_ALPHABET.includes(c)) ? code : null;
}
