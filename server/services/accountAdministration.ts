import { PASSWORD_PROBLEM_TEXT, passwordProblem } from "../../domain/access/passwordPolicy.ts";
import type { Database } from "../db/database.ts";
import { deleteUserSessions } from "../db/repositories/signInSessions.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findUserByEmail, setPasswordHash } from "../db/repositories/users.ts";
import { clearTwoFactor } from "./twoFactorAdministration.ts";
import { hashPassword } from "./passwords.ts";

/** An account the server's administrator cannot change as asked (unknown, or a password refused); the message says why. */
export class AccountChangeRefused extends Error {
  override name = "AccountChangeRefused";
}

/**
 * The administrator's password reset (`acuback set-password`, directly or
 * through the running server): sets the password and signs the account out
 * everywhere. Returns the account's e-mail as stored.
 */
export async function setAccountPassword(db: Database, email: string, password: string): Promise<string> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new AccountChangeRefused(`No account has the e-mail ${email}.`);
  const problem = passwordProblem(password, { email: user.email });
  if (problem) throw new AccountChangeRefused(PASSWORD_PROBLEM_TEXT[problem]);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.clinicId, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
  });
  return user.email;
}

/**
 * The administrator's two-factor reset (`acuback reset-two-factor`): for an
 * owner who lost the phone and the recovery codes, with no other owner to
 * reset it on the Staff page. Audited with no person, as done from the
 * server's machine.
 */
export async function resetAccountTwoFactor(db: Database, email: string): Promise<{ email: string; cleared: boolean }> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new AccountChangeRefused(`No account has the e-mail ${email}.`);
  const cleared = await db.transaction(async (tx) => {
    if (!(await clearTwoFactor(tx, user.clinicId, user.id))) return false;
    await appendAuditEvent(tx, { clinicId: user.clinicId, userId: null, action: "reset", entity: "two_factor", entityId: user.id, ip: null, detail: { by: "command line" } });
    return true;
  });
  return { email: user.email, cleared };
}
