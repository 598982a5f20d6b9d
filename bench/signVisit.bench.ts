/**
 * Signing a visit through the whole stack (POST /api/v1/visits/:id/sign:
 * session and CSRF check, zod validation of the chart, the visit locked and
 * re-read, the patient's flags, the safety check and signing problems again,
 * the signed row, two pain scores, an audit row, the response serialised)
 * against a floor: a bare Fastify server on the same loopback answering the
 * same route, parsing the same request body and sending the same bytes.
 *
 * A draft signs once, so every request needs a fresh one. The run first signs
 * WARMUP drafts untimed, then CALIBRATE drafts one after another in process
 * (inject: the latency of one signature with nothing queued), sizes N from
 * that rate so the HTTP run lasts about `seconds`, creates N drafts through
 * the API, and has autocannon sign
 * each exactly once (setupRequest hands every request the next draft; the run
 * stops at N requests). Afterwards the database must hold exactly as many
 * signed visits as 2xx answers. Loopback only, bounded.
 *
 *   node --import tsx bench/signVisit.bench.ts [seconds=5] [patients=20]
 */
import autocannon from "autocannon";
import Fastify from "fastify";
import { RED_FLAGS } from "../domain/assessment/redFlags.ts";
import { maintainDatabase } from "../server/db/maintenance.ts";
import { insertClinic } from "../server/db/repositories/clinics.ts";
import { openDatabase } from "../server/db/openDatabase.ts";
import { buildApp } from "../server/http/app.ts";
import { createAccount } from "../server/services/staff.ts";
import { patientBody, testConfig } from "../server/testing/testClinic.ts";

const SECONDS = Number(process.argv[2] ?? 5);
const PATIENTS = Number(process.argv[3] ?? 20);
const CONNECTIONS = 10;
const WARMUP = 20;
const CALIBRATE = 100;
const MAX_DRAFTS = 5000;
const PASSWORD = "quiet river lamp 7";
const today = new Date().toISOString().slice(0, 10);

const db = await openDatabase({ dataDir: null });
const clinic = await insertClinic(db, "Bench clinic");
const account = await createAccount(db, { clinicId: clinic.id, email: "bench@clinic.test", displayName: "Bench", role: "practitioner", password: PASSWORD });
if (!account.ok) throw new Error(account.code);
const app = await buildApp({ db, config: testConfig(), logLevel: "silent" });
const login = await app.inject({ method: "POST", url: "/api/v1/session", payload: { email: "bench@clinic.test", password: PASSWORD } });
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
const headers = { cookie, "x-csrf-token": (login.json() as { csrfToken: string }).csrfToken, "content-type": "application/json" };

async function call(method: "POST" | "PUT", url: string, payload: object, expect: number) {
  const response = await app.inject({ method, url, headers, payload });
  if (response.statusCode !== expect) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as Record<string, unknown>;
}

// Patients screened clear of red flags, each with an episode, so visits may start.
const noRedFlags = Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));
const patientIds: string[] = [];
for (let i = 0; i < PATIENTS; i++) {
  const patient = await call("POST", "/api/v1/patients", patientBody({ givenName: `Bench${i}`, birthDate: "1985-03-02" }), 201);
  const episode = await call("POST", `/api/v1/patients/${patient.id}/episodes`, { onsetDate: "2026-01-05", location: "central", radiation: "none", workStatus: "working" }, 201);
  await call("POST", `/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: noRedFlags }, 201);
  patientIds.push(patient.id as string);
}

/** A draft from the Cherkin protocol (5 points, 8 needles), and the body that signs it: needles reconciled, pain before and after. */
async function newDraft(i: number): Promise<{ id: string; body: string }> {
  const visit = await call("POST", `/api/v1/patients/${patientIds[i % PATIENTS]}/visits`, { visitOn: today, start: { from: "protocol", protocolId: "cherkin-2009-standardised" } }, 201);
  const chart = { ...(visit.chart as object), needleCount: { inserted: 8, removed: 8, incident: null }, painBefore: 6, painAfter: 3, faceToFaceMinutes: 30 };
  return { id: visit.id as string, body: JSON.stringify({ version: visit.version, chart }) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

// Calibration: sign drafts one after another in process, no HTTP and nothing queued (the first WARMUP untimed).
const calibration: { id: string; body: string }[] = [];
for (let i = 0; i < WARMUP + CALIBRATE; i++) calibration.push(await newDraft(i));
const sequential: number[] = [];
let sampleBody = "";
for (const draft of calibration) {
  const start = performance.now();
  const response = await app.inject({ method: "POST", url: `/api/v1/visits/${draft.id}/sign`, headers, payload: draft.body });
  sequential.push(performance.now() - start);
  if (response.statusCode !== 200) throw new Error(`sign failed: ${response.statusCode} ${response.body}`);
  sampleBody = response.body;
}
sequential.splice(0, WARMUP);
sequential.sort((a, b) => a - b);
const perSecond = 1000 / (sequential.reduce((a, b) => a + b, 0) / sequential.length);
const drafts = Math.min(MAX_DRAFTS, Math.max(100, Math.round(perSecond * SECONDS)));

const createStart = performance.now();
const queue: { id: string; body: string }[] = [];
for (let i = 0; i < drafts; i++) queue.push(await newDraft(i));
const createSeconds = (performance.now() - createStart) / 1000;
// As `acuback serve` does at start: PGlite has no autovacuum to gather statistics.
await maintainDatabase(db);
const fullUrl = await app.listen({ port: 0, host: "127.0.0.1" });

const floor = Fastify();
floor.post("/api/v1/visits/:visitId/sign", async (_request, reply) => reply.type("application/json").send(sampleBody));
const floorUrl = await floor.listen({ port: 0, host: "127.0.0.1" });

function summarise(result: autocannon.Result) {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  // Requests over the whole run: the signing run ends at N requests, so a per-second average would count its partial last second.
  return { rps: Math.round(result["2xx"] / result.duration), p50: result.latency.p50, p99: result.latency.p99, done: result["2xx"], seconds: result.duration };
}

const bare = summarise(
  await autocannon({ url: `${floorUrl}/api/v1/visits/${queue[0]!.id}/sign`, method: "POST", connections: CONNECTIONS, duration: SECONDS, headers, body: queue[0]!.body }),
);
let next = 0;
const full = summarise(
  await autocannon({
    url: fullUrl,
    connections: CONNECTIONS,
    amount: drafts,
    headers,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const draft = queue[next++];
          // More requests than drafts would re-sign a draft (409): stop instead; `amount` keeps this from happening.
          if (!draft) throw new Error("ran out of drafts");
          return { ...request, path: `/api/v1/visits/${draft.id}/sign`, body: draft.body };
        },
      },
    ],
  }),
);

const signed = await db.query<{ n: number }>("select count(*)::int as n from visits where status = 'signed'");
const audited = await db.query<{ n: number }>("select count(*)::int as n from audit_events where action = 'sign'");
if (signed[0]!.n !== full.done + WARMUP + CALIBRATE || audited[0]!.n !== signed[0]!.n) {
  throw new Error(`signed ${signed[0]!.n}, audited ${audited[0]!.n}, expected ${full.done + WARMUP + CALIBRATE}`);
}
console.log(
  `patients=${PATIENTS} drafts=${drafts} (created in ${createSeconds.toFixed(1)} s) connections=${CONNECTIONS} request=${queue[0]!.body.length}B response=${sampleBody.length}B`,
);
console.log(`| server | req/s | p50 ms | p99 ms |`);
console.log(`|---|---|---|---|`);
console.log(`| bare Fastify, same route, body and bytes (floor, ${bare.seconds.toFixed(1)} s) | ${bare.rps} | ${bare.p50} | ${bare.p99} |`);
console.log(`| Acuback signing on PGlite (${full.done} drafts, each signed once, ${full.seconds.toFixed(1)} s) | ${full.rps} | ${full.p50} | ${full.p99} |`);
console.log(
  `| one signature at a time, in process (inject, ${CALIBRATE} drafts after ${WARMUP} warm-up) | ${Math.round(perSecond)} | ${percentile(sequential, 50).toFixed(1)} | ${percentile(sequential, 99).toFixed(1)} |`,
);
console.log(`Signing reaches ${((full.rps / bare.rps) * 100).toFixed(1)}% of the floor; ${signed[0]!.n} visits signed and audited, none twice.`);
await app.close();
await floor.close();
await db.close();
