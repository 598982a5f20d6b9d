import { PASSWORD_PROBLEM_TEXT, passwordProblem } from "../../domain/access/passwordPolicy.ts";
import type { Database } from "../db/database.ts";
import { deleteUserSessions } from "../db/repositories/signInSessions.ts";
import { findUserByEmail, setPasswordHash } from "../db/repositories/users.ts";
import { hashPassword } from "./passwords.ts";

/** An account the server's administrator cannot change as asked; the message says why. */
export class PasswordChangeRefused extends Error {
  override name = "PasswordChangeRefused";
}

/**
 * The administrator's password reset (`acuback set-password`, directly or
 * through the running server): sets the password and signs the account out
 * everywhere. Returns the account's e-mail as stored.
 */
export async function setAccountPassword(db: Database, email: string, password: string): Promise<string> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new PasswordChangeRefused(`No account has the e-mail ${email}.`);
  const problem = passwordProblem(password, { email: user.email });
  if (problem) throw new PasswordChangeRefused(PASSWORD_PROBLEM_TEXT[problem]);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.clinicId, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
  });
  return user.email;
}
