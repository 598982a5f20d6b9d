/**
 * API tokens for other systems: owners create, scope and revoke them; only a
 * hash is stored and the token is shown once; `Authorization: Bearer` works
 * on /fhir/R4 and /api/v1 within the token's scope and clinic, without CSRF,
 * while cookie requests keep needing it; every use is audited with the
 * token's name, and each token is rate-limited.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("API tokens", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  const withToken = (token: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload && { payload }) });

  async function clinicWithToken(scope: "fhir-read" | "read" | "read-write", name = `Hospital EHR ${scope}`) {
    const clinic = await t.newClinic();
    const created = await clinic.owner.post("/api/v1/api-tokens", { name, scope });
    assert.equal(created.statusCode, 201, created.body);
    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody())).json();
    return { ...clinic, token: created.json().token as string, apiToken: created.json().apiToken, patient };
  }

  it("is created by an owner, shown once, stored only as a hash, and listed without the secret", async () => {
    const { owner, practitioner, token, apiToken } = await clinicWithToken("fhir-read");
    assert.match(token, /^acb_[\w-]{40,}$/);
    assert.equal(apiToken.scope, "fhir-read");
    assert.ok(token.startsWith(apiToken.tokenPrefix));
    const listed = (await owner.get("/api/v1/api-tokens")).json();
    assert.equal(listed.length, 1);
    assert.ok(!JSON.stringify(listed).includes(token), "the list never holds the token");
    const [row] = await t.db.query<{ token_hash: string }>("select token_hash from api_tokens where id = $1", [apiToken.id]);
    assert.match(row!.token_hash, /^[0-9a-f]{64}$/);
    assert.ok(!row!.token_hash.includes(token.slice(4)));
    assert.equal((await practitioner.post("/api/v1/api-tokens", { name: "mine", scope: "read" })).statusCode, 403);
    const again = await owner.post("/api/v1/api-tokens", { name: apiToken.name, scope: "read" });
    assert.deepEqual([again.statusCode, again.json().code], [409, "API_TOKEN_NAME_TAKEN"]);
    const blank = await owner.post("/api/v1/api-tokens", { name: " ", scope: "everything" });
    assert.equal(blank.statusCode, 400);
    assert.deepEqual(Object.keys(blank.json().fields).sort(), ["name", "scope"]);
  });

  it("reads FHIR with a bearer token, only its own clinic's records, and audits the use with the token's name", async () => {
    const { owner, token, patient } = await clinicWithToken("fhir-read", "Regional HIE");
    const other = await t.newClinic();
    const stranger = (await other.practitioner.post("/api/v1/patients", patientBody())).json();
    const listed = await withToken(token, "GET", "/fhir/R4/Patient");
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual(listed.json().entry.map((e: { resource: { id: string } }) => e.resource.id), [patient.id]);
    assert.equal((await withToken(token, "GET", `/fhir/R4/Patient/${stranger.id}`)).statusCode, 404);
    const read = await withToken(token, "GET", `/fhir/R4/Patient/${patient.id}`);
    assert.equal(read.statusCode, 200);

    const log = (await owner.get(`/api/v1/audit-events?patientId=${patient.id}`)).json();
    const viaToken = log.filter((e: { apiTokenName: string | null }) => e.apiTokenName === "Regional HIE");
    assert.ok(viaToken.length >= 1, JSON.stringify(log.map((e: { entity: string; apiTokenName: string | null }) => [e.entity, e.apiTokenName])));
    const csv = (await owner.get(`/api/v1/audit-events.csv?patientId=${patient.id}`)).body;
    assert.ok(csv.includes("Regional HIE"));
  });

  it("keeps each scope: a FHIR-only token cannot use /api/v1, a read token cannot write, no token reaches sessions or tokens", async () => {
    const fhirOnly = await clinicWithToken("fhir-read");
    const refused = await withToken(fhirOnly.token, "GET", "/api/v1/patients");
    assert.deepEqual([refused.statusCode, refused.json().code], [403, "API_TOKEN_NOT_ALLOWED"]);

    const reader = await clinicWithToken("read");
    assert.equal((await withToken(reader.token, "GET", "/api/v1/patients")).statusCode, 200);
    const write = await withToken(reader.token, "POST", "/api/v1/patients", patientBody({ givenName: "Nope" }));
    assert.equal(write.statusCode, 403);
    const [count] = await t.db.query<{ n: number }>("select count(*)::int as n from patients where clinic_id = $1", [reader.clinicId]);
    assert.equal(count!.n, 1, "the refused write stored nothing");
    for (const url of ["/api/v1/session", "/api/v1/api-tokens"]) {
      assert.equal((await withToken(reader.token, "GET", url)).statusCode, 403, url);
    }
  });

  it("writes with a read-write token without a CSRF token, while a cookie request still needs one", async () => {
    const { owner, practitioner, token } = await clinicWithToken("read-write");
    const created = await withToken(token, "POST", "/api/v1/patients", patientBody({ givenName: "Byapi" }));
    assert.equal(created.statusCode, 201, created.body);
    const cookieOnly = await t.app.inject({ method: "POST", url: "/api/v1/patients", headers: { cookie: practitioner.cookie }, payload: patientBody() });
    assert.deepEqual([cookieOnly.statusCode, cookieOnly.json().code], [403, "CSRF_TOKEN_INVALID"]);
    // A bearer header beside a cookie: the token decides, the cookie is not read.
    // The owner's own cookie could read the audit log; beside a bearer token it is not read, and the token cannot.
    const both = await t.app.inject({ method: "GET", url: "/api/v1/audit-events", headers: { cookie: owner.cookie, authorization: `Bearer ${token}` } });
    assert.equal(both.statusCode, 403, "a token has a practitioner's reach, never the owner's audit log");
  });

  it("stops working the moment it is revoked, and a made-up token never works", async () => {
    const { owner, token, apiToken } = await clinicWithToken("fhir-read");
    assert.equal((await withToken(token, "GET", "/fhir/R4/Patient")).statusCode, 200);
    const revoked = await owner.post(`/api/v1/api-tokens/${apiToken.id}/revoke`);
    assert.equal(revoked.statusCode, 200);
    assert.ok(revoked.json().revokedAt);
    const after = await withToken(token, "GET", "/fhir/R4/Patient");
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().resourceType, "OperationOutcome");
    assert.equal((await withToken("acb_madeup", "GET", "/fhir/R4/Patient")).statusCode, 401);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/patients", headers: { authorization: "Basic Zm9vOmJhcg==" } })).statusCode, 401);
    assert.equal((await owner.post(`/api/v1/api-tokens/${apiToken.id}/revoke`)).statusCode, 404);
  });

  it("limits each token's requests per minute", async () => {
    const limited = await createTestContext({ config: { apiTokenRequestsPerMinute: 3 } });
    try {
      const clinic = await limited.newClinic();
      const token = (await clinic.owner.post("/api/v1/api-tokens", { name: "Busy system", scope: "fhir-read" })).json().token;
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await limited.app.inject({ method: "GET", url: "/fhir/R4/Patient", headers: { authorization: `Bearer ${token}` } })).statusCode);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
