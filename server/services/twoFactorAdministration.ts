/**
 * What owners do about two-factor sign-in: see who has it, require it of the
 * whole clinic, and clear a staff member's authenticator when the phone is
 * lost (they then sign in with the password alone, or set it up again if the
 * clinic requires it). Audited; another clinic's staff are not found.
 */
import type { UserId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { isTwoFactorRequired, setTwoFactorRequired } from "../db/repositories/clinicTwoFactorRequirement.ts";
import { deleteRecoveryCodes } from "../db/repositories/recoveryCodes.ts";
import { deleteTwoFactorCredential, listEnrolledUsers } from "../db/repositories/twoFactorCredentials.ts";
import { findUser } from "../db/repositories/users.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface ClinicTwoFactor {
  required: boolean;
  /** Accounts whose two-factor sign-in is on. */
  enrolledUserIds: UserId[];
}

export async function clinicTwoFactor(db: Database, actor: Actor): Promise<Outcome<ClinicTwoFactor>> {
  const refused = denied(actor, "staff.manage");
  if (refused) return refused;
  return ok({ required: await isTwoFactorRequired(db, actor.clinicId), enrolledUserIds: await listEnrolledUsers(db, actor.clinicId) });
}

/**
 * Requires (or stops requiring) two-factor sign-in of everyone. An owner
 * without it must turn it on first, or the setting would shut them out of
 * everything but its set-up the moment it is saved.
 */
export async function requireTwoFactor(db: Database, actor: Actor, required: boolean): Promise<Outcome<ClinicTwoFactor>> {
  const refused = denied(actor, "staff.manage");
  if (refused) return refused;
  const enrolled = await listEnrolledUsers(db, actor.clinicId);
  if (required && !enrolled.includes(actor.userId)) return fail("TWO_FACTOR_OWN_FIRST");
  await db.transaction(async (tx) => {
    await setTwoFactorRequired(tx, actor.clinicId, required);
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "two_factor_requirement",
      ip: actor.ip,
      detail: { required },
    });
  });
  return ok({ required, enrolledUserIds: enrolled });
}

/** Clears a staff member's authenticator and recovery codes. One's own is turned off with a code instead. */
export async function resetStaffTwoFactor(db: Database, actor: Actor, userId: UserId): Promise<Outcome<null>> {
  const refused = denied(actor, "staff.manage");
  if (refused) return refused;
  if (!(await findUser(db, actor.clinicId, userId))) return fail("USER_NOT_FOUND");
  if (userId === actor.userId) return fail("TWO_FACTOR_RESET_SELF");
  return db.transaction(async (tx) => {
    if (!(await clearTwoFactor(tx, actor.clinicId, userId))) return fail("TWO_FACTOR_NOT_ON");
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "reset",
      entity: "two_factor",
      entityId: userId,
      ip: actor.ip,
      detail: { by: "owner" },
    });
    return ok(null);
  });
}

/** Removes an account's authenticator (confirmed or only started) and its recovery codes; false when it had none. */
export async function clearTwoFactor(q: Queryable, clinicId: Actor["clinicId"], userId: UserId): Promise<boolean> {
  await deleteRecoveryCodes(q, clinicId, userId);
  return deleteTwoFactorCredential(q, clinicId, userId);
}
