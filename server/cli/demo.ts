import { ROLE_LABELS } from "../../domain/access/roles.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { countClinics, findClinicByName } from "../db/repositories/clinics.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { DEMO_CLINIC_NAME, loadDemoClinic, type DemoAccounts } from "../demo/demoClinic.ts";

export async function demoCommand(config: Config, options: { password?: string }): Promise<DemoAccounts | null> {
  const db = await openDatabase(config.database);
  try {
    if (await findClinicByName(db, DEMO_CLINIC_NAME)) {
      console.log(`The demo clinic is already loaded. Use \`acuback set-password --email owner@demo.acuback.org\` if you lost its password.`);
      return null;
    }
    return await loadDemo(db, options.password);
  } finally {
    await db.close();
  }
}

/** Loads the demo into an empty database only; used by `serve --demo`. */
export async function loadDemoIfEmpty(db: Database): Promise<DemoAccounts | null> {
  if ((await countClinics(db)) > 0) return null;
  return loadDemo(db, undefined);
}

function loadDemo(db: Database, password: string | undefined): Promise<DemoAccounts> {
  const chosen = password ?? process.env.ACUBACK_DEMO_PASSWORD;
  return loadDemoClinic(db, { today: new Date(), ...(chosen && { password: chosen }) });
}

export function printDemoAccounts(demo: DemoAccounts): void {
  console.log(`\nLoaded the demo clinic "${demo.clinicName}". Sign in with any of:`);
  for (const account of demo.accounts) {
    console.log(`  ${ROLE_LABELS[account.role].padEnd(13)} ${account.email}`);
  }
  console.log(`  Password:     ${demo.password}`);
  console.log(`(Shown once. Change it in the app under Account, or with \`npx acuback set-password --email …\`.)\n`);
}
