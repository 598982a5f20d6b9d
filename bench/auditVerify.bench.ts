/**
 * Verifying a long audit chain: one clinic's log of N entries (default one
 * million) walked from the first entry, every hash recomputed in Node
 * (services/auditChainWalk.ts), a page of 5,000 entries at a time. The
 * entries are written through the chain trigger, in statements of 10,000
 * rows, with the mix of the append bench (a third are list entries naming 25
 * patients, ~1 kB of detail). Then the same walk through the command a person
 * runs (`acuback audit verify`, with its start-up), and a walk that stops at
 * an entry edited halfway.
 *
 *   node --import tsx bench/auditVerify.bench.ts [entries=1000000]
 *   DATABASE_URL=postgres://… node --import tsx bench/auditVerify.bench.ts 1000000
 * PGlite runs in a temporary data directory; on PostgreSQL the bench creates
 * and drops its own database.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { ClinicId } from "../domain/shared/brand.ts";
import { openDatabase } from "../server/db/openDatabase.ts";
import { insertClinic } from "../server/db/repositories/clinics.ts";
import { walkAuditChain } from "../server/services/auditChainWalk.ts";
import { openBenchDatabase } from "./benchDatabase.ts";

const N = Number(process.argv[2] ?? 1_000_000);
const BATCH = 10_000;

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");

const { db: first, engine, env, location, dispose } = await openBenchDatabase();
const onServer = "databaseUrl" in location;
let db = first;
const clinic = await insertClinic(db, "Bench clinic");
const shown = JSON.stringify(Array.from({ length: 25 }, () => randomUUID()));
const filled = performance.now();
for (let from = 0; from < N; from += BATCH) {
  await db.query(
    `insert into audit_events (clinic_id, action, entity, entity_id, patient_id, ip, detail)
     select $1, case when i % 3 = 0 then 'list' else 'read' end, 'patient', case when i % 3 = 0 then null else gen_random_uuid()::text end,
            case when i % 3 = 0 then null else gen_random_uuid() end, '192.168.1.' || (i % 200),
            case when i % 3 = 0 then jsonb_build_object('queryKind', 'name', 'count', 25, 'shown', $2::jsonb) else '{}'::jsonb end
       from generate_series($3::int, $4::int) as i`,
    [clinic.id, shown, from + 1, Math.min(from + BATCH, N)],
  );
  if (from % 100_000 === 0) process.stderr.write(`\r${from.toLocaleString("en-US")} entries written`);
}
const fillMs = performance.now() - filled;
process.stderr.write("\n");
// A clinic's log is old and vacuumed; right after a bulk load, the first read would also set every row's hint bits.
await db.exec("vacuum analyze audit_events");

const walked = performance.now();
const walk = await walkAuditChain(db, clinic.id as ClinicId);
const walkMs = performance.now() - walked;
if (!walk.intact || walk.entriesChecked !== N) throw new Error(`expected ${N} sound entries, got ${JSON.stringify(walk)}`);

// The command opens the database itself: with PGlite only one process may hold it.
if (!onServer) await db.close();
const cli = performance.now();
const run = spawnSync(process.execPath, [join(import.meta.dirname, "..", "bin", "acuback.mjs"), "audit", "verify", "--clinic", clinic.id], {
  encoding: "utf8",
  env: { ...process.env, ...env },
});
const cliMs = performance.now() - cli;
if (run.status !== 0) throw new Error(`acuback audit verify exited ${run.status}: ${run.stdout}${run.stderr}`);
if (!onServer) db = await openDatabase(location);

const half = Math.floor(N / 2);
await db.exec("alter table audit_events disable trigger audit_events_no_update_delete");
await db.query("update audit_events set ip = '203.0.113.9' where clinic_id = $1 and chain_seq = $2", [clinic.id, half]);
await db.exec("alter table audit_events enable trigger audit_events_no_update_delete");
const broken = performance.now();
const found = await walkAuditChain(db, clinic.id as ClinicId);
const brokenMs = performance.now() - broken;
if (found.finding?.seq !== half) throw new Error(`expected a break at ${half}: ${JSON.stringify(found.finding)}`);

console.log(`engine: ${engine}; Node ${process.version}; ${N.toLocaleString("en-US")} entries in one clinic`);
console.log("| step | time s | entries/s |");
console.log("|---|---|---|");
console.log(`| write the entries through the chain trigger (${BATCH.toLocaleString("en-US")} a statement) | ${seconds(fillMs)} | ${perSecond(N, fillMs)} |`);
console.log(`| walk the whole chain (walkAuditChain) | ${seconds(walkMs)} | ${perSecond(N, walkMs)} |`);
console.log(`| \`acuback audit verify --clinic …\` (a new process, with its start-up) | ${seconds(cliMs)} | ${perSecond(N, cliMs)} |`);
console.log(`| walk to an entry edited at ${half.toLocaleString("en-US")} | ${seconds(brokenMs)} | ${perSecond(half, brokenMs)} |`);
console.log(`CLI said: ${run.stdout.trim()}`);
await db.close();
await dispose();
