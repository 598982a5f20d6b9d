/**
 * The cost of one audit append (appendAuditEvent), which every request that
 * touches patient data pays. Three ways a request appends:
 *   - alone: one insert, committed on its own (a read or a search);
 *   - in a write's transaction: begin, one other small write, the audit row,
 *     commit (a change and its audit commit together);
 *   - concurrent: CONCURRENCY appends at once into the same clinic (on
 *     PostgreSQL they run on separate connections and contend for the clinic's
 *     log; PGlite runs one at a time);
 *   - many in one transaction: all N in a single transaction, as a FHIR
 *     transaction Bundle of N patients appends N rows before it commits.
 * Rows carry a realistic mix of details (a third are list rows naming 25
 * patients shown). Each mode appends N rows after WARMUP untimed ones.
 *
 *   node --import tsx bench/auditAppend.bench.ts [appends=5000]
 *   DATABASE_URL=postgres://… node --import tsx bench/auditAppend.bench.ts 5000
 * PGlite runs in a temporary data directory (commits are flushed to disk, as
 * in `acuback serve`); on PostgreSQL the bench creates and drops its own database.
 */
import { randomUUID } from "node:crypto";
import type { ClinicId, PatientId, UserId } from "../domain/shared/brand.ts";
import { appendAuditEvent, type AuditEventInput } from "../server/db/repositories/auditEvents.ts";
import { insertClinic } from "../server/db/repositories/clinics.ts";
import { openBenchDatabase } from "./benchDatabase.ts";

const N = Number(process.argv[2] ?? 5000);
const WARMUP = 200;
const CONCURRENCY = 10;

const { db, engine, dispose } = await openBenchDatabase();
const clinic = await insertClinic(db, "Bench clinic");
const [user] = await db.query<{ id: UserId }>(
  "insert into users (clinic_id, email, display_name, role, password_hash) values ($1, 'bench@clinic.test', 'Bench', 'practitioner', 'x') returning id",
  [clinic.id],
);
const patients = Array.from({ length: 50 }, () => randomUUID() as PatientId);

function event(i: number): AuditEventInput {
  const base = { clinicId: clinic.id as ClinicId, userId: user!.id, ip: "127.0.0.1" };
  if (i % 3 === 0) return { ...base, action: "list", entity: "patient", detail: { queryKind: "name", count: 25, shown: patients.slice(0, 25) } };
  if (i % 3 === 1) return { ...base, action: "read", entity: "patient", entityId: patients[i % 50]!, patientId: patients[i % 50]! };
  return { ...base, action: "create", entity: "pain_score", entityId: randomUUID(), patientId: patients[i % 50]!, detail: { revision: 1 } };
}

/** Runs `one(i)` n times, `parallel` at once; returns each call's time in ms and the whole run's. */
async function timed(n: number, parallel: number, one: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await one(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { total, p50: times[Math.floor(n * 0.5)]!, p99: times[Math.floor(n * 0.99)]! };
}

await db.exec("create table bench_writes (id bigint generated always as identity primary key, clinic_id uuid not null, n int not null)");
const modes = {
  alone: { parallel: 1, one: (i: number) => appendAuditEvent(db, event(i)) },
  "in a write's transaction": {
    parallel: 1,
    one: (i: number) =>
      db.transaction(async (tx) => {
        await tx.query("insert into bench_writes (clinic_id, n) values ($1, $2)", [clinic.id, i]);
        await appendAuditEvent(tx, event(i));
      }),
  },
  [`${CONCURRENCY} at once, one clinic`]: { parallel: CONCURRENCY, one: (i: number) => appendAuditEvent(db, event(i)) },
};

console.log(`engine: ${engine}; Node ${process.version}; ${N} appends per mode after ${WARMUP} untimed`);
console.log("| append | appends/s | µs per append (run ÷ N) | p50 ms | p99 ms |");
console.log("|---|---|---|---|---|");
for (const [name, mode] of Object.entries(modes)) {
  await timed(WARMUP, mode.parallel, mode.one);
  const r = await timed(N, mode.parallel, mode.one);
  console.log(`| ${name} | ${Math.round(N / (r.total / 1000)).toLocaleString("en-US")} | ${Math.round((r.total * 1000) / N)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`);
}
const inOne = performance.now();
await db.transaction(async (tx) => {
  for (let i = 0; i < N; i++) await appendAuditEvent(tx, event(i));
});
const inOneMs = performance.now() - inOne;
console.log(`| all ${N} in one transaction | ${Math.round(N / (inOneMs / 1000)).toLocaleString("en-US")} | ${Math.round((inOneMs * 1000) / N)} | | |`);
const [count] = await db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1", [clinic.id]);
console.log(`${count!.n} rows in the clinic's log.`);
await db.close();
await dispose();
