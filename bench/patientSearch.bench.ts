/**
 * Patient search through the whole stack (session lookup, validation, SQL on
 * PGlite, audit write, zod serialisation) against a floor: a bare Fastify
 * server answering the same route with the same bytes. The gap is what our
 * layers cost. Loopback only, bounded in time.
 *
 *   node --import tsx bench/patientSearch.bench.ts [patients=2000] [seconds=5]
 *   DATABASE_URL=postgres://…/empty_db node --import tsx bench/patientSearch.bench.ts 100000 5   (on a PostgreSQL server)
 */
import autocannon from "autocannon";
import Fastify from "fastify";
import { maintainDatabase } from "../server/db/maintenance.ts";
import { insertClinic } from "../server/db/repositories/clinics.ts";
import { openDatabase } from "../server/db/openDatabase.ts";
import { buildApp } from "../server/http/app.ts";
import { createAccount } from "../server/services/staff.ts";
import { testConfig } from "../server/testing/testClinic.ts";

const PATIENTS = Number(process.argv[2] ?? 2000);
const SECONDS = Number(process.argv[3] ?? 5);
const CONNECTIONS = 10;
const ROUTE = "/api/v1/patients?q=smi&limit=25";

// An empty PostgreSQL database when DATABASE_URL names one, else PGlite in memory.
const db = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: null });
const clinic = await insertClinic(db, "Bench clinic");
const account = await createAccount(db, {
  clinicId: clinic.id,
  email: "bench@clinic.test",
  displayName: "Bench",
  role: "practitioner",
  password: "quiet river lamp 7",
});
if (!account.ok) throw new Error(account.code);
// Synthetic names: every 20th family name starts with "Smi", like a common surname would.
await db.query(
  `insert into patients (clinic_id, record_number, given_name, family_name, birth_date, sex)
   select $1, 'B-' || i, 'Given' || i, case when i % 20 = 0 then 'Smith' || i else 'Family' || i end,
          date '1940-01-01' + (i % 25000), 'unknown'
     from generate_series(1, $2::int) as i`,
  [clinic.id, PATIENTS],
);
// As `acuback serve` does at start: PGlite has no autovacuum to gather statistics.
await maintainDatabase(db);

const app = await buildApp({ db, config: testConfig(), logLevel: "silent" });
const login = await app.inject({
  method: "POST",
  url: "/api/v1/session",
  payload: { email: "bench@clinic.test", password: "quiet river lamp 7" },
});
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
const sample = await app.inject({ method: "GET", url: ROUTE, headers: { cookie } });
if (sample.statusCode !== 200) throw new Error(`search failed: ${sample.statusCode} ${sample.body}`);
const fullUrl = await app.listen({ port: 0, host: "127.0.0.1" });

const floor = Fastify();
const body = sample.body;
floor.get("/api/v1/patients", async (_request, reply) => reply.type("application/json").send(body));
const floorUrl = await floor.listen({ port: 0, host: "127.0.0.1" });

async function measure(url: string) {
  const result = await autocannon({ url: url + ROUTE, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

const bare = await measure(floorUrl);
const full = await measure(fullUrl);
const audited = await db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'list'");
console.log(`patients=${PATIENTS} matches=${sample.json().total} page=25 connections=${CONNECTIONS} seconds=${SECONDS} body=${body.length}B`);
console.log(`| server | req/s | p50 ms | p99 ms |`);
console.log(`|---|---|---|---|`);
console.log(`| bare Fastify, same route and bytes (floor) | ${bare.rps} | ${bare.p50} | ${bare.p99} |`);
console.log(`| Acuback search on ${db.engine === "postgres" ? "PostgreSQL" : "PGlite"} | ${full.rps} | ${full.p50} | ${full.p99} |`);
console.log(`Acuback reaches ${((full.rps / bare.rps) * 100).toFixed(1)}% of the floor; ${audited[0]!.n} searches were audited.`);
await app.close();
await floor.close();
await db.close();
