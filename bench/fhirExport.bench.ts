/**
 * FHIR Bulk Data $export of a whole clinic, and $everything of one patient
 * with many visits, each against a floor in the same process:
 *
 * - $export: N patients, each with a back-pain episode, three signed visits
 *   and the six pain scores signing records (cloned in SQL from one patient
 *   made through the API, so every row is one the app wrote). Kick-off, poll
 *   until the manifest, wall time and peak RSS (process.memoryUsage sampled
 *   every 50 ms). Floor: writing the same number of NDJSON lines of the same
 *   sizes to a file, with no database.
 * - $everything: one patient with V signed visits (2 pain scores each).
 *   Median of 5 after a warm-up. Floor: a bare Fastify app answering the same
 *   bytes through inject.
 *
 * Embedded PGlite in memory, as the tests use; nothing leaves the process.
 *
 *   node --import tsx bench/fhirExport.bench.ts [patients=10000] [visits=200]
 */
import { once } from "node:events";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { RED_FLAGS } from "../domain/assessment/redFlags.ts";
import { maintainDatabase } from "../server/db/maintenance.ts";
import { insertClinic } from "../server/db/repositories/clinics.ts";
import { openDatabase } from "../server/db/openDatabase.ts";
import { buildApp } from "../server/http/app.ts";
import { createAccount } from "../server/services/staff.ts";
import { patientBody, testConfig } from "../server/testing/testClinic.ts";

const PATIENTS = Number(process.argv[2] ?? 10_000);
const VISITS = Number(process.argv[3] ?? 200);
const PASSWORD = "quiet river lamp 7";
const dir = mkdtempSync(join(tmpdir(), "acuback-export-bench-"));
const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

const db = await openDatabase({ dataDir: null });
const clinic = await insertClinic(db, "Bench clinic");
const account = await createAccount(db, { clinicId: clinic.id, email: "bench@clinic.test", displayName: "Bench", role: "practitioner", password: PASSWORD });
if (!account.ok) throw new Error(account.code);
const app = await buildApp({ db, config: testConfig({ bulkExport: { dir, retentionHours: 1 } }), logLevel: "silent" });
await app.ready();
const login = await app.inject({ method: "POST", url: "/api/v1/session", payload: { email: "bench@clinic.test", password: PASSWORD } });
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
const headers = { cookie, "x-csrf-token": (login.json() as { csrfToken: string }).csrfToken, "content-type": "application/json" };

async function call(method: "POST" | "GET", url: string, payload: object | undefined, expect: number) {
  const response = await app.inject({ method, url, headers, ...(payload && { payload }) });
  if (response.statusCode !== expect) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response;
}

/** A patient made through the API: screened, an episode, `visits` visits from the Cherkin protocol signed with pain before and after. */
async function templatePatient(name: string, visits: number) {
  const noRedFlags = Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
  const patient = (await call("POST", "/api/v1/patients", patientBody({ givenName: name, birthDate: "1985-03-02" }), 201)).json();
  const episode = (await call("POST", `/api/v1/patients/${patient.id}/episodes`, { onsetDate: "2026-01-05", location: "central", radiation: "none", workStatus: "working" }, 201)).json();
  await call("POST", `/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: noRedFlags }, 201);
  for (let i = 0; i < visits; i++) {
    const visitOn = new Date(Date.UTC(2026, 0, 10) + i * 86_400_000).toISOString().slice(0, 10);
    const visit = (await call("POST", `/api/v1/patients/${patient.id}/visits`, { visitOn, start: { from: "protocol", protocolId: "cherkin-2009-standardised" } }, 201)).json();
    const chart = { ...visit.chart, needleCount: { inserted: 8, removed: 8, incident: null }, painBefore: 6, painAfter: 3, faceToFaceMinutes: 30 };
    await call("POST", `/api/v1/visits/${visit.id}/sign`, { version: visit.version, chart }, 200);
  }
  return patient.id as string;
}

const seedStart = performance.now();
const template = await templatePatient("Template", 3);
// Every other patient is a copy of the template's rows (new ids, the same clinical content), made in SQL.
await db.query(
  `insert into patients (clinic_id, record_number, given_name, family_name, birth_date, sex, phone, postal_code, region)
   select $1, 'B-' || i, 'Given' || i, 'Family' || i, date '1940-01-01' + (i % 25000), 'female', '555-' || lpad((i % 10000)::text, 4, '0'), '97202', 'OR'
     from generate_series(2, $2::int) as i`,
  [clinic.id, PATIENTS],
);
const clone = (table: string, extra: string, where: string) =>
  db.query(
    `insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(t) || jsonb_build_object(${extra}))).*
       from ${table} t cross join patients p where t.patient_id = $1 and p.clinic_id = $2 and p.id <> $1 ${where}`,
    [template, clinic.id],
  );
await clone("episodes", `'id', md5(p.id::text || t.id::text)::uuid, 'patient_id', p.id`, "");
await clone("visits", `'id', md5(p.id::text || t.id::text)::uuid, 'patient_id', p.id, 'episode_id', md5(p.id::text || t.episode_id::text)::uuid`, "");
await clone("pain_scores", `'id', gen_random_uuid(), 'patient_id', p.id, 'visit_id', md5(p.id::text || t.visit_id::text)::uuid`, "");
await maintainDatabase(db);
const seedSeconds = (performance.now() - seedStart) / 1000;

// --- $export ---
global.gc?.();
const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const exportStart = performance.now();
const kickOff = await app.inject({ method: "GET", url: "/fhir/R4/$export", headers: { cookie, prefer: "respond-async", accept: "application/fhir+json" } });
if (kickOff.statusCode !== 202) throw new Error(`kick-off: ${kickOff.statusCode} ${kickOff.body}`);
const statusPath = new URL(String(kickOff.headers["content-location"])).pathname;
let manifest: { output: { type: string; url: string; count: number }[] };
const checkpoints: string[] = [];
for (;;) {
  const status = await app.inject({ method: "GET", url: statusPath, headers: { cookie } });
  if (status.statusCode === 200) {
    manifest = status.json();
    break;
  }
  if (status.statusCode !== 202) throw new Error(`status: ${status.statusCode} ${status.body}`);
  // RSS as the export goes: flat memory shows as a plateau, whatever the clinic's size.
  const done = Number(/^(\d+) of/.exec(String(status.headers["x-progress"]))?.[1] ?? 0);
  if (done >= (checkpoints.length + 1) * (PATIENTS / 5)) checkpoints.push(`${done}: ${mib(process.memoryUsage().rss)}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const exportSeconds = (performance.now() - exportStart) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const jobDir = join(dir, statusPath.split("/").pop()!);
const files = manifest.output.map((o) => ({ ...o, path: join(jobDir, `${o.type}.ndjson`), bytes: statSync(join(jobDir, `${o.type}.ndjson`)).size }));
const lines = files.reduce((n, f) => n + f.count, 0);
const bytes = files.reduce((n, f) => n + f.bytes, 0);

// Floor: the same number of lines of each file's average size, written with the same backpressure, no database.
const floorStart = performance.now();
for (const file of files) {
  const first = readFileSync(file.path, "utf8").split("\n", 1)[0]!;
  const size = Math.max(first.length + 1, Math.round(file.bytes / file.count));
  const line = `${first.padEnd(size - 1, " ")}\n`;
  const out = createWriteStream(join(dir, `floor-${file.type}.ndjson`));
  for (let i = 0; i < file.count; i++) if (!out.write(line)) await once(out, "drain");
  out.end();
  await once(out, "close");
}
const floorSeconds = (performance.now() - floorStart) / 1000;

// --- $everything for one patient with VISITS visits ---
const busy = await templatePatient("Frequent", VISITS);
const everythingUrl = `/fhir/R4/Patient/${busy}/$everything`;
const median = async (run: () => Promise<unknown>) => {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2]!;
};
const sample = await call("GET", everythingUrl, undefined, 200);
const everythingMs = await median(() => call("GET", everythingUrl, undefined, 200));
const bare = Fastify();
bare.get("/fhir/R4/Patient/:id/$everything", async (_request, reply) => reply.type("application/fhir+json").send(sample.body));
await bare.ready();
const bareMs = await median(() => bare.inject({ method: "GET", url: everythingUrl }));
const entries = (sample.json() as { entry: unknown[] }).entry.length;

console.log(`patients=${PATIENTS} (seeded in ${seedSeconds.toFixed(1)} s), Node ${process.version}`);
console.log(`| $export | seconds | lines | MB written | lines/s | peak RSS | RSS before |`);
console.log(`|---|---|---|---|---|---|---|`);
console.log(`| writing the same lines, no database (floor) | ${floorSeconds.toFixed(2)} | ${lines} | ${(bytes / 1e6).toFixed(1)} | ${Math.round(lines / floorSeconds)} | | |`);
console.log(`| Acuback $export on PGlite | ${exportSeconds.toFixed(2)} | ${lines} | ${(bytes / 1e6).toFixed(1)} | ${Math.round(lines / exportSeconds)} | ${mib(peakRss)} | ${mib(baselineRss)} |`);
console.log(`files: ${files.map((f) => `${f.type} ${f.count}`).join(", ")}; ${(exportSeconds / floorSeconds).toFixed(0)}× the floor; load average ${loadavg()[0]!.toFixed(1)}`);
console.log(`RSS after n patients: ${checkpoints.join(", ")}`);
console.log(`| $everything, ${VISITS} visits (${entries} resources, ${(sample.body.length / 1e3).toFixed(0)} kB) | median ms |`);
console.log(`|---|---|`);
console.log(`| bare Fastify, same bytes (floor) | ${bareMs.toFixed(1)} |`);
console.log(`| Acuback | ${everythingMs.toFixed(1)} |`);

await bare.close();
await app.close();
await db.close();
rmSync(dir, { recursive: true, force: true });
