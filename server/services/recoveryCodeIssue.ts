/**
 * A new set of recovery codes for an account: made here, shown to the person
 * once, and stored only as keyed hashes (services/twoFactorKey.ts). Making a
 * new set ends the old one.
 */
import { randomBytes } from "node:crypto";
import { formatRecoveryCode, RECOVERY_CODE_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH } from "../../domain/access/twoFactor.ts";
import type { ClinicId, UserId } from "../../domain/shared/brand.ts";
import type { Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { replaceRecoveryCodes } from "../db/repositories/recoveryCodes.ts";
import { recoveryCodeHash, type TwoFactorKeys } from "./twoFactorKey.ts";

/** One code: each random byte picks a character by its low 5 bits (32 letters, so no letter is likelier than another). */
function newRecoveryCode(): string {
  return [...randomBytes(RECOVERY_CODE_LENGTH)].map((byte) => RECOVERY_CODE_ALPHABET[byte & 31]).join("");
}

/** Replaces the account's codes and returns the new ones, formatted to show ("7KQ2M-XR4TB"). Audited by count only. */
export async function issueRecoveryCodes(
  q: Queryable,
  keys: TwoFactorKeys,
  account: { clinicId: ClinicId; userId: UserId; ip: string | null },
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(q, account.clinicId, account.userId, codes.map((code) => recoveryCodeHash(keys, account.userId, code)));
  await appendAuditEvent(q, {
    clinicId: account.clinicId,
    userId: account.userId,
    action: "create",
    entity: "recovery_codes",
    entityId: account.userId,
    ip: account.ip,
    detail: { count: codes.length },
  });
  return codes.map(formatRecoveryCode);
}
