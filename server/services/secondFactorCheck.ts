/**
 * Whether a typed code proves the account's second factor: the authenticator
 * code of now (one step either side), never one of a step already used, or
 * an unused recovery code. A code that passes is used up in the same
 * statement that checks it, so it cannot pass twice, even in two requests at once.
 */
import { normaliseRecoveryCode, TOTP_CODE_PATTERN } from "../../domain/access/twoFactor.ts";
import type { ClinicId, UserId } from "../../domain/shared/brand.ts";
import type { Queryable } from "../db/database.ts";
import { useRecoveryCode } from "../db/repositories/recoveryCodes.ts";
import { findTwoFactorCredential, takeTimeStep } from "../db/repositories/twoFactorCredentials.ts";
import { matchingStep } from "./authenticatorCodes.ts";
import { openSecret, recoveryCodeHash, type TwoFactorKeys } from "./twoFactorKey.ts";

/** The authenticator app's 6 digits, or one of the recovery codes. */
export type SecondFactorProof = { code: string } | { recoveryCode: string };

export type SecondFactorCheck =
  | { ok: true; by: "authenticator" }
  | { ok: true; by: "recovery_code"; recoveryCodesLeft: number }
  /** `used`: the right code of a step whose code was already taken (a replay). */
  | { ok: false; reason: "wrong" | "used" };

export async function checkSecondFactor(
  q: Queryable,
  keys: TwoFactorKeys,
  account: { clinicId: ClinicId; userId: UserId },
  proof: SecondFactorProof,
  now = Date.now(),
): Promise<SecondFactorCheck> {
  if ("recoveryCode" in proof) {
    const code = normaliseRecoveryCode(proof.recoveryCode);
    const used = code && (await useRecoveryCode(q, account.clinicId, account.userId, recoveryCodeHash(keys, account.userId, code)));
    return used ? { ok: true, by: "recovery_code", recoveryCodesLeft: used.left } : { ok: false, reason: "wrong" };
  }
  const step = await authenticatorStep(q, keys, account, proof.code, { confirmed: true }, now);
  if (step === null) return { ok: false, reason: "wrong" };
  return (await takeTimeStep(q, account.clinicId, account.userId, step)) ? { ok: true, by: "authenticator" } : { ok: false, reason: "used" };
}

/**
 * The time step `code` is the authenticator code of, for the account's
 * confirmed factor (or, with `confirmed: false`, the enrolment awaiting
 * confirmation); null when it is no such code. Nothing is used up here.
 */
export async function authenticatorStep(
  q: Queryable,
  keys: TwoFactorKeys,
  account: { clinicId: ClinicId; userId: UserId },
  code: string,
  { confirmed }: { confirmed: boolean },
  now = Date.now(),
): Promise<number | null> {
  if (!TOTP_CODE_PATTERN.test(code)) return null;
  const credential = await findTwoFactorCredential(q, account.clinicId, account.userId);
  if (!credential || (credential.confirmedAt !== null) !== confirmed) return null;
  const secret = openSecret(keys, account.userId, credential.secretSealed);
  return secret ? matchingStep(secret, code, now) : null;
}
