/**
 * `acuback audit verify [--clinic <name or id>] [--json]`: walks each
 * clinic's audit chain from its first entry (services/auditChainWalk.ts) and
 * says whether it is intact or names the first entry where it breaks. Exit
 * code 1 when any chain is broken, 2 for an unknown clinic, so cron or a
 * monitoring check can act on it. Each check is recorded (the owner's audit
 * page shows the last one) and audited. While the server holds the embedded
 * database, the check runs in the server, through its control socket.
 */
import type { Command } from "commander";
import { configFromEnv } from "../config.ts";
import { dataDirHolder } from "../db/dataDirLock.ts";
import { listClinics } from "../db/repositories/clinics.ts";
import { openDatabase } from "../db/openDatabase.ts";
import type { ClinicChainCheck } from "../services/auditChainCheck.ts";
import { clinicNamed } from "./clinicNamed.ts";

const count = (n: number) => n.toLocaleString("en-US");

export function addAuditCommands(program: Command) {
  const audit = program.command("audit").description("The audit log");
  audit
    .command("verify")
    .description("Check each clinic's audit chain: intact, or the first entry where it breaks (edited, deleted, inserted or moved). Exits 1 when broken")
    .option("--clinic <name or id>", "only this clinic (default: every clinic)")
    .option("--json", "print the result as JSON")
    .action(async (options: { clinic?: string; json?: boolean }) => {
      const results = await check(options.clinic ?? null);
      if (!results) return;
      const intact = results.every((r) => r.intact);
      if (options.json) console.log(JSON.stringify({ intact, clinics: results }, null, 2));
      else if (results.length === 0) console.log("No clinic yet: no audit log to check.");
      else for (const result of results) console.log(line(result));
      if (!intact) process.exitCode = 1;
    });
}

/** Checks directly, or through the running server when it holds the embedded database; null (exit code 2) for an unknown clinic. */
async function check(clinic: string | null): Promise<ClinicChainCheck[] | null> {
  const { database } = configFromEnv();
  if ("dataDir" in database && database.dataDir && dataDirHolder(database.dataDir) !== null) {
    const { auditVerifyThroughServer } = await import("../control/controlClient.ts");
    const results = await auditVerifyThroughServer(database.dataDir, clinic);
    if (!results) {
      console.error(`acuback audit verify: no clinic is named or numbered "${clinic}".`);
      process.exitCode = 2;
    }
    return results;
  }
  const { checkClinicChains } = await import("../services/auditChainCheck.ts");
  const db = await openDatabase(database);
  try {
    if (clinic === null) return await checkClinicChains(db, await listClinics(db));
    const named = await clinicNamed(db, clinic, "audit verify");
    return named ? await checkClinicChains(db, [named]) : null;
  } finally {
    await db.close();
  }
}

function line(result: ClinicChainCheck): string {
  if (result.intact) {
    const last = result.lastHash ? ` (last entry ${result.lastSeq}, hash ${result.lastHash})` : "";
    return `${result.clinicName}: intact, ${count(result.entriesChecked)} entries checked${last} in ${result.seconds.toFixed(1)} s.`;
  }
  const { seq, message } = result.finding!;
  return `${result.clinicName}: BROKEN at entry ${seq}. ${message} ${count(result.entriesChecked)} of ${count(result.entries)} entries checked sound before it.`;
}
