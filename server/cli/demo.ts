import { ROLE_LABELS } from "../../domain/access/roles.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { findDemoClinic } from "../db/repositories/clinicRemoval.ts";
import { countClinics } from "../db/repositories/clinics.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { loadDemoClinic, type DemoAccounts } from "../demo/demoClinic.ts";
import { ERRORS } from "../errors.ts";
import { removeDemoClinicFromCli } from "../services/demoClinicRemoval.ts";

export async function demoCommand(config: Config, options: { password?: string }): Promise<DemoAccounts | null> {
  const db = await openDatabase(config.database);
  try {
    if (await findDemoClinic(db)) {
      console.log(`The demo clinic is already loaded. Use \`acuback set-password --email owner@demo.acuback.org\` if you lost its password.`);
      return null;
    }
    return await loadDemo(db, options.password);
  } finally {
    await db.close();
  }
}

/** Any fixed number: serialises `serve --demo` processes starting together on one PostgreSQL. */
const DEMO_LOCK_KEY = 4_127_004;

/**
 * Loads the demo into an empty database only; used by `serve --demo`. On
 * PostgreSQL several processes may start at once: each waits for an advisory
 * lock held by a transaction of its own while the demo loads through the
 * pool's other connections, so the first loads it and the rest find a clinic.
 * (PGlite has one connection and one process, so it needs no lock.)
 */
export async function loadDemoIfEmpty(db: Database): Promise<DemoAccounts | null> {
  if (db.engine === "pglite") return (await countClinics(db)) > 0 ? null : loadDemo(db, undefined);
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [DEMO_LOCK_KEY]);
    return (await countClinics(db)) > 0 ? null : loadDemo(db, undefined);
  });
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

/** `acuback remove-demo [--yes]`: the demo clinic goes in one recorded step; without --yes it only says what would go. */
export async function removeDemoCommand(config: Config, options: { yes?: boolean }): Promise<void> {
  const db = await openDatabase(config.database);
  try {
    const demo = await findDemoClinic(db);
    if (!demo) {
      console.log("There is no demo clinic in this database; nothing to remove.");
      return;
    }
    if (!options.yes) {
      console.log(`This would remove the demo clinic "${demo.name}" with all its staff accounts, patients and records.`);
      console.log("Other clinics are not touched. Run again with --yes to remove it.");
      return;
    }
    const removal = await removeDemoClinicFromCli(db, "the command line (acuback remove-demo)");
    if (!removal.ok) {
      console.error(removal.detail ?? ERRORS[removal.code].title);
      process.exitCode = 1;
      return;
    }
    const rows = Object.values(removal.value.rowsRemoved).reduce((sum, n) => sum + n, 0);
    console.log(`Removed the demo clinic "${removal.value.clinicName}": ${rows} rows in ${Object.keys(removal.value.rowsRemoved).length} tables.`);
    console.log("The removal is recorded (clinic_removals). Create your first owner with `npx acuback create-user --role owner --create-clinic …` if you have none.");
  } finally {
    await db.close();
  }
}
