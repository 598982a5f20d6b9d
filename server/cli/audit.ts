/**
 * `acuback audit verify [--clinic <name or id>] [--json]`: walks each
 * clinic's audit chain from its first entry (services/auditChainWalk.ts) and
 * says whether it is intact or names the first entry where it breaks. Exit
 * code 1 when any chain is broken, 2 for an unknown clinic, so cron or a
 * monitoring check can act on it. Each check is recorded (the owner's audit
 * page shows the last one) and audited. With the embedded database, only one
 * process may open it: stop the server first.
 */
import type { Command } from "commander";
import type { ClinicId } from "../../domain/shared/brand.ts";
import { configFromEnv } from "../config.ts";
import { listClinics, type Clinic } from "../db/repositories/clinics.ts";
import { openDatabase } from "../db/openDatabase.ts";
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
      const db = await openDatabase(configFromEnv().database);
      try {
        let clinics: Clinic[];
        if (options.clinic) {
          const clinic = await clinicNamed(db, options.clinic, "audit verify");
          if (!clinic) return;
          clinics = [clinic];
        } else {
          clinics = await listClinics(db);
        }
        const { checkAuditChainFromCli } = await import("../services/auditChainCheck.ts");
        const results = [];
        for (const clinic of clinics) {
          const started = performance.now();
          const walk = await checkAuditChainFromCli(db, clinic.id as ClinicId);
          const seconds = (performance.now() - started) / 1000;
          results.push({ clinicId: clinic.id, clinicName: clinic.name, ...walk, seconds: Number(seconds.toFixed(3)) });
          if (options.json) continue;
          if (walk.intact) {
            const last = walk.lastHash ? ` (last entry ${walk.lastSeq}, hash ${walk.lastHash})` : "";
            console.log(`${clinic.name}: intact, ${count(walk.entriesChecked)} entries checked${last} in ${seconds.toFixed(1)} s.`);
          } else {
            console.log(`${clinic.name}: BROKEN at entry ${walk.finding!.seq}. ${walk.finding!.message} ${count(walk.entriesChecked)} of ${count(walk.entries)} entries checked sound before it.`);
          }
        }
        const intact = results.every((r) => r.intact);
        if (options.json) console.log(JSON.stringify({ intact, clinics: results }, null, 2));
        else if (clinics.length === 0) console.log("No clinic yet: no audit log to check.");
        if (!intact) process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}
