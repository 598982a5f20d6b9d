/**
 * Security checks over every route of the OpenAPI document (issue 15), so a
 * route added later is covered without anyone adding it here:
 * roles (403 where the role lacks the permission), tenancy (another clinic's
 * ids answer 404 and show nothing of it), audit (a 2xx read of a patient's
 * data names the patient in the audit log) and bad input (never a 5xx; a
 * rejected request changes no row). Counts are printed as "# " lines.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { can, ROLES, type Permission, type Role } from "../../../domain/access/roles.ts";
import { clinicRecords, NOT_IDS, parameterKind, type ClinicRecords } from "../../testing/clinicRecords.ts";
import { minimalValue, routeOperations, urlOf, type JsonSchema, type RouteOperation } from "../../testing/openApiRoutes.ts";
import { FailureTally, send } from "../../testing/routeRequests.ts";
import { changedTables, fingerprint, tableNames } from "../../testing/tableFingerprint.ts";
import { createTestContext, type Agent, type TestContext } from "../../testing/testClinic.ts";
import { ROUTE_ACCESS, type RouteAccess } from "./routeAccess.ts";
import { AUDIT_EXEMPT, KNOWN_FAILURES, QUERY_OVERRIDES, SKIPPED_BY_BAD_INPUT, STREAMS, BODY_OVERRIDES, UPLOADS } from "./routeSecurityCases.ts";

const PERMISSIONS: Permission[] = [
  "patients.demographics.read", "patients.demographics.write", "patients.clinical.read", "patients.clinical.write", "staff.manage",
  "clinic.configure", "audit.read", "referrals.manage", "directory.import", "followUps.send", "apiTokens.manage", "data.export",
  "appointments.book", "hours.own", "calendarFeed.own",
];

function allowed(access: RouteAccess, role: Role): boolean {
  return access === "public" || access === "signed-in" || can(role, access);
}

function agentOf(records: ClinicRecords, role: Role): Agent {
  return role === "owner" ? records.clinic.owner : role === "practitioner" ? records.clinic.practitioner : records.clinic.frontDesk;
}

/** Path and body values from one clinic's records; ids it has no record for are random. */
function requestFor(operation: RouteOperation, ids: Record<string, string>) {
  const pathValue = (name: string) => NOT_IDS[parameterKind(operation.path, name)] ?? ids[parameterKind(operation.path, name)] ?? randomUUID();
  let url = urlOf(operation, (p) => pathValue(p.name), ids);
  const override = QUERY_OVERRIDES[operation.key];
  if (override) url = `${url.split("?")[0]}?${override}`;
  const upload = UPLOADS[operation.key];
  if (upload) return { url, body: { raw: "x", contentType: upload } };
  const body = operation.body ? { json: { ...(minimalValue(operation.body, ids) as object), ...BODY_OVERRIDES[operation.key] } } : undefined;
  return { url, body };
}

function report(phase: string, tally: FailureTally, routes: number) {
  console.log(`# ${phase}: ${routes} routes, ${tally.attempts} attempts, ${tally.found.length} failures (${tally.found.filter((f) => f in KNOWN_FAILURES).length} known)`);
  const { unexpected, nowPassing } = tally.compare(KNOWN_FAILURES, phase);
  assert.deepEqual({ unexpected, nowPassing }, { unexpected: [], nowPassing: [] }, `${phase}: failures differ from the known ones`);
}

describe("route security, every route of the OpenAPI document", { timeout: 600_000 }, () => {
  let t: TestContext;
  let a: ClinicRecords;
  let b: ClinicRecords;
  let operations: RouteOperation[];
  before(async () => {
    t = await createTestContext();
    a = await clinicRecords(t);
    b = await clinicRecords(t);
    operations = routeOperations(t.app);
    console.log(`# routes in the OpenAPI document: ${operations.length}`);
  });
  after(() => t.close());

  it("every route has an access entry, and each role lacking it gets 403", async () => {
    const missing = operations.filter((o) => !(o.key in ROUTE_ACCESS));
    const stale = Object.keys(ROUTE_ACCESS).filter((key) => !operations.some((o) => o.key === key));
    const suggestions: string[] = [];
    for (const operation of missing) {
      // Suggest an entry from what the route does now; someone must still decide it is right.
      const open: Role[] = [];
      if (process.env.ROUTE_DEBUG) console.log("## " + operation.key);
      for (const role of ROLES) {
        if (operation.key in STREAMS) continue;
        const { url, body } = requestFor(operation, a.ids);
        // A fresh sign-in each time: the route may be signing out or changing the password.
        const agent = await t.signIn(agentOf(a, role).email);
        if ((await send(t.app, agent, operation, url, body)).statusCode !== 403) open.push(role);
      }
      const anonymous = requestFor(operation, a.ids);
      const publicRoute = (await send(t.app, null, operation, anonymous.url, anonymous.body)).statusCode !== 401;
      const guess = publicRoute ? "public" : open.length === 3 ? "signed-in" : PERMISSIONS.find((p) => ROLES.every((r) => can(r, p) === open.includes(r))) ?? `?? ${open.join(",")}`;
      suggestions.push(`  "${operation.key}": "${guess}",`);
    }
    assert.deepEqual({ missing: suggestions, stale }, { missing: [], stale: [] }, `routes without an entry in routeAccess.ts (suggested):\n${suggestions.join("\n")}`);

    const tally = new FailureTally();
    for (const operation of operations) {
      const access = ROUTE_ACCESS[operation.key]!;
      for (const role of ROLES) {
        // A role allowed to call a GET is checked not to be refused; unsafe methods only where refused, so nothing changes.
        if (allowed(access, role) && (operation.method !== "GET" || operation.key in STREAMS)) continue;
        const { url, body } = requestFor(operation, a.ids);
        const response = await send(t.app, agentOf(a, role), operation, url, body);
        tally.attempts += 1;
        if (!allowed(access, role) && response.statusCode !== 403) tally.add(`roles: ${operation.key} ${role} got ${response.statusCode}, not 403`);
        if (allowed(access, role) && (response.statusCode === 403 || response.statusCode >= 500)) tally.add(`roles: ${operation.key} ${role} got ${response.statusCode}`);
      }
      if (access === "public") continue;
      const { url, body } = requestFor(operation, a.ids);
      const anonymous = await send(t.app, null, operation, url, body);
      tally.attempts += 1;
      if (anonymous.statusCode !== 401) tally.add(`roles: ${operation.key} without a session got ${anonymous.statusCode}, not 401`);
    }
    report("roles", tally, operations.length);
  });

  it("another clinic's ids answer 404 (or 403 for a role refused first) and show nothing of that clinic", async () => {
    const before = await fingerprint(t.db, await tableNames(t.db));
    const tally = new FailureTally();
    const withIds = operations.filter((o) => o.pathParams.some((p) => !(parameterKind(o.path, p.name) in NOT_IDS)));
    for (const operation of withIds) {
      const access = ROUTE_ACCESS[operation.key]!;
      const fixture = operation.pathParams.every((p) => parameterKind(operation.path, p.name) in NOT_IDS || parameterKind(operation.path, p.name) in b.ids);
      for (const role of ROLES) {
        const { url, body } = requestFor(operation, b.ids);
        const response = await send(t.app, agentOf(a, role), operation, url, body);
        tally.attempts += 1;
        const status = response.statusCode;
        // A role refused the route, or a practitioner refused someone else's hours or feed (checked before the lookup): neither tells anything of clinic B.
        const refusedFirst = status === 403 && (!allowed(access, role) || access === "hours.own" || access === "calendarFeed.own");
        if (fixture && !(status === 404 || refusedFirst)) tally.add(`tenancy: ${operation.key} ${role} got ${status}`);
        if (!fixture && !(status === 404 || status === 403 || status === 400)) tally.add(`tenancy: ${operation.key} ${role} got ${status} for a random id`);
        const leaked = b.secrets.filter((s) => response.body.includes(s));
        if (leaked.length) tally.add(`tenancy: ${operation.key} ${role} shows clinic B's ${leaked.map((s) => Object.entries(b.ids).find(([, id]) => id === s)?.[0] ?? "name").join(",")}`);
      }
    }
    const changed = changedTables(before, await fingerprint(t.db, await tableNames(t.db)));
    if (changed.length) tally.add(`tenancy: tables changed: ${changed.join(",")}`);
    report("tenancy", tally, withIds.length);
  });

  it("a 2xx read showing a patient's data writes an audit event naming the patient", async () => {
    const tally = new FailureTally();
    const patient = a.ids.patientId!;
    const gets = operations.filter((o) => o.method === "GET" && ROUTE_ACCESS[o.key] !== "public" && !(o.key in STREAMS));
    const patientRecordParams = new Set(["patientId", "visitId", "episodeId", "scoreId", "medicationId", "responseId", "screenId"]);
    let audited = 0;
    for (const operation of gets) {
      const { url } = requestFor(operation, a.ids);
      const [{ last }] = (await t.db.query<{ last: string }>("select coalesce(max(id), 0)::text as last from audit_events")) as [{ last: string }];
      const response = await send(t.app, a.clinic.owner, operation, url);
      tally.attempts += 1;
      if (response.statusCode < 200 || response.statusCode >= 300) continue;
      const readsPatient =
        operation.pathParams.some((p) => patientRecordParams.has(parameterKind(operation.path, p.name))) ||
        response.body.includes(patient) ||
        response.body.includes(a.secrets.find((s) => s.startsWith("Family"))!);
      if (!readsPatient) continue;
      if (operation.key in AUDIT_EXEMPT) continue;
      audited += 1;
      const rows = await t.db.query(
        "select 1 from audit_events where id > $1 and (patient_id = $2 or detail->'shown' ? $3)",
        [last, patient, patient],
      );
      if (rows.length === 0) tally.add(`audit: ${operation.key} answered ${response.statusCode} without an audit event naming the patient`);
    }
    console.log(`# audit: ${audited} GET routes read the patient's data, ${Object.keys(AUDIT_EXEMPT).length} exempt`);
    report("audit", tally, gets.length);
  });

  it("bad input never answers 5xx, and a rejected request changes no row", async () => {
    const tables = await tableNames(t.db);
    const tally = new FailureTally();
    const withBody = operations.filter((o) => o.body && !(o.key in SKIPPED_BY_BAD_INPUT) && !(o.key in UPLOADS));
    let print = await fingerprint(t.db, tables);
    for (const operation of withBody) {
      const { url, body } = requestFor(operation, a.ids);
      for (const [what, variant] of badBodies(operation.body!, body && "json" in body ? body.json : {})) {
        const response = await send(t.app, a.clinic.owner, operation, url, variant);
        tally.attempts += 1;
        const status = response.statusCode;
        const next = await fingerprint(t.db, tables);
        if (status >= 500) tally.add(`bad input: ${operation.key} ${what} got ${status}`);
        else if (status === 401 && ROUTE_ACCESS[operation.key] !== "public") tally.add(`bad input: ${operation.key} ${what} got 401 (the owner was signed out)`);
        else if (status >= 400) {
          const changed = changedTables(print, next);
          if (changed.length) tally.add(`bad input: ${operation.key} ${what} got ${status} but changed ${changed.join(",")}`);
        }
        print = next;
      }
    }
    report("bad input", tally, withBody.length);
  });
});

const HUGE = "x".repeat(100_000);
const NESTING = 10_000;

/** Variants of a valid body: each top-level property (at most 6) given a few kinds of bad value, then the whole body nested deeply. */
function* badBodies(schema: JsonSchema, valid: unknown): Generator<[string, { json: unknown } | { raw: string }]> {
  const base = (valid && typeof valid === "object" ? valid : {}) as Record<string, unknown>;
  const properties = Object.entries(schema.properties ?? {}).slice(0, 6);
  for (const [name, property] of properties) {
    const type = Array.isArray(property.type) ? property.type[0] : property.type ?? (property.oneOf ? "object" : "string");
    const values: [string, unknown][] = [["wrong type", type === "string" ? 12345 : type === "object" || type === "array" ? "x" : "12"]];
    if (type === "string") {
      values.push(["100k chars", HUGE], ["NUL", "a\u0000b"], ["lone surrogate", "a\ud800b"]);
      if (/(On|Date|^from|^to|^on)$/.test(name)) values.push(["0001-01-01", "0001-01-01"], ["9999-12-31", "9999-12-31"]);
    }
    if (type === "number" || type === "integer") values.push(["1e308", 1e308], ["-1", -1], ["2^53+1", 2 ** 53 + 1]);
    if (type === "array") values.push(["array of 100k-char strings", [HUGE, HUGE]]);
    for (const [what, value] of values) yield [`${name}=${what}`, { json: { ...base, [name]: value } }];
  }
  const nested = `${'{"a":'.repeat(NESTING)}1${"}".repeat(NESTING)}`;
  const first = properties[0]?.[0] ?? "a";
  const rest = JSON.stringify(base).slice(1);
  yield [`${first}=nested ${NESTING} deep`, { raw: `{"${first}":${nested}${rest === "}" ? "}" : `,${rest}`}` }];
  yield ["body=array", { json: [base] }];
}
