/**
 * The authenticator app's codes (TOTP, RFC 6238) through `otpauth`: a new
 * secret, the otpauth:// address an app scans, and which time step a typed
 * code belongs to (so a code of a step already used can be refused).
 */
import { Secret, TOTP } from "otpauth";
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_WINDOW_STEPS } from "../../domain/access/twoFactor.ts";

/** 20 random bytes: the 160-bit shared secret RFC 4226 section 4 recommends. */
export function newAuthenticatorSecret(): Uint8Array {
  return new Secret({ size: 20 }).bytes;
}

const totpOf = (secret: Uint8Array, label = "") =>
  new TOTP({
    issuer: "Acuback",
    label,
    secret: new Secret({ buffer: secret.slice().buffer }),
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });

export interface Enrolment {
  /** The otpauth:// address the QR code holds. */
  uri: string;
  /** The secret in base32, for typing into an app that cannot scan. */
  base32: string;
}

export function enrolmentOf(secret: Uint8Array, accountLabel: string): Enrolment {
  const totp = totpOf(secret, accountLabel);
  return { uri: totp.toString(), base32: totp.secret.base32 };
}

/** The time step of `code` if it is the code of now or one step either side, else null. */
export function matchingStep(secret: Uint8Array, code: string, now = Date.now()): number | null {
  const delta = TOTP.validate({
    token: code,
    secret: new Secret({ buffer: secret.slice().buffer }),
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: now,
    window: TOTP_WINDOW_STEPS,
  });
  return delta === null ? null : TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now }) + delta;
}
