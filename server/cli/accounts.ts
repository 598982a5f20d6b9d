import type { Role } from "../../domain/access/roles.ts";
import type { Config } from "../config.ts";
import { findClinicByName, insertClinic } from "../db/repositories/clinics.ts";
import { dataDirHolder } from "../db/dataDirLock.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { generatePassword } from "../demo/demoClinic.ts";
import { resetTwoFactorThroughServer, setPasswordThroughServer } from "../control/controlClient.ts";
import { resetAccountTwoFactor, setAccountPassword } from "../services/accountAdministration.ts";
import { createAccount } from "../services/staff.ts";

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

/**
 * `acuback set-password`. While a server holds the embedded database the
 * change goes through that server (controlSocket.ts), so it works on a
 * running demo too.
 */
export async function setPasswordCommand(config: Config, options: { email: string; password?: string }): Promise<void> {
  const { password, generated } = chosenPassword(options.password);
  const dataDir = "dataDir" in config.database ? config.database.dataDir : null;
  let email: string;
  if (dataDir && dataDirHolder(dataDir) !== null) {
    email = await setPasswordThroughServer(dataDir, options.email, password);
  } else {
    const db = await openDatabase(config.database);
    try {
      email = await setAccountPassword(db, options.email, password);
    } finally {
      await db.close();
    }
  }
  console.log(`Password changed for ${email}; their sessions were signed out.`);
  if (generated) console.log(`Password: ${password}`);
}

/**
 * Clears an account's two-factor sign-in from the machine that runs Acuback:
 * for an owner who lost the phone and the recovery codes, with no other owner
 * to reset it on the Staff page. Like set-password, it goes through the
 * running server when that holds the embedded database.
 */
export async function resetTwoFactorCommand(config: Config, options: { email: string }): Promise<void> {
  const dataDir = "dataDir" in config.database ? config.database.dataDir : null;
  let reset: { email: string; cleared: boolean };
  if (dataDir && dataDirHolder(dataDir) !== null) {
    reset = await resetTwoFactorThroughServer(dataDir, options.email);
  } else {
    const db = await openDatabase(config.database);
    try {
      reset = await resetAccountTwoFactor(db, options.email);
    } finally {
      await db.close();
    }
  }
  console.log(
    reset.cleared
      ? `Two-factor sign-in cleared for ${reset.email}; they sign in with their password, and set it up again if the clinic requires it.`
      : `${reset.email} does not use two-factor sign-in; nothing changed.`,
  );
}
