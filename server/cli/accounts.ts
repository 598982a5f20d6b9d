import type { Role } from "../../domain/access/roles.ts";
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from "../../domain/access/passwordPolicy.ts";
import type { Config } from "../config.ts";
import { findClinicByName, insertClinic } from "../db/repositories/clinics.ts";
import { deleteUserSessions } from "../db/repositories/signInSessions.ts";
import { findUserByEmail, setPasswordHash } from "../db/repositories/users.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { generatePassword } from "../demo/demoClinic.ts";
import { hashPassword } from "../services/passwords.ts";
import { createAccount } from "../services/staff.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { clearTwoFactor } from "../services/twoFactorAdministration.ts";

function chosenPassword(given: string | undefined): { password: string; generated: boolean } {
  const password = given ?? process.env.ACUBACK_PASSWORD;
  return password ? { password, generated: false } : { password: generatePassword(), generated: true };
}

export async function createUserCommand(
  config: Config,
  options: { email: string; name: string; role: Role; clinic: string; createClinic?: boolean; password?: string },
): Promise<void> {
  const db = await openDatabase(config.database);
  try {
    const { password, generated } = chosenPassword(options.password);
    await db.transaction(async (tx) => {
      let clinic = await findClinicByName(tx, options.clinic);
      if (!clinic) {
        if (!options.createClinic) throw new Error(`No clinic is named "${options.clinic}". Add --create-clinic to create it.`);
        clinic = await insertClinic(tx, options.clinic);
      }
      const created = await createAccount(tx, {
        clinicId: clinic.id,
        email: options.email,
        displayName: options.name,
        role: options.role,
        password,
      });
      if (!created.ok) throw new Error(created.detail ?? created.code);
      console.log(`Created ${created.value.role} ${created.value.email} in ${clinic.name}.`);
    });
    if (generated) console.log(`Password: ${password}`);
  } finally {
    await db.close();
  }
}

export async function setPasswordCommand(config: Config, options: { email: string; password?: string }): Promise<void> {
  const db = await openDatabase(config.database);
  try {
    const user = await findUserByEmail(db, options.email);
    if (!user) throw new Error(`No account has the e-mail ${options.email}.`);
    const { password, generated } = chosenPassword(options.password);
    const problem = passwordProblem(password, { email: user.email });
    if (problem) throw new Error(PASSWORD_PROBLEM_TEXT[problem]);
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await setPasswordHash(tx, user.clinicId, user.id, passwordHash);
      await deleteUserSessions(tx, user.id);
    });
    console.log(`Password changed for ${user.email}; their sessions were signed out.`);
    if (generated) console.log(`Password: ${password}`);
  } finally {
    await db.close();
  }
}

/**
 * Clears an account's two-factor sign-in from the machine that runs Acuback:
 * for an owner who lost the phone and the recovery codes, with no other owner
 * to reset it on the Staff page. Audited with no person, as done from the command line.
 */
export async function resetTwoFactorCommand(config: Config, options: { email: string }): Promise<void> {
  const db = await openDatabase(config.database);
  try {
    const user = await findUserByEmail(db, options.email);
    if (!user) throw new Error(`No account has the e-mail ${options.email}.`);
    const cleared = await db.transaction(async (tx) => {
      if (!(await clearTwoFactor(tx, user.clinicId, user.id))) return false;
      await appendAuditEvent(tx, {
        clinicId: user.clinicId,
        userId: null,
        action: "reset",
        entity: "two_factor",
        entityId: user.id,
        ip: null,
        detail: { by: "command line" },
      });
      return true;
    });
    console.log(cleared ? `Two-factor sign-in cleared for ${user.email}; they sign in with their password, and set it up again if the clinic requires it.` : `${user.email} does not use two-factor sign-in; nothing changed.`);
  } finally {
    await db.close();
  }
}
