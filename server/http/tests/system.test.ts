import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ERRORS } from "../../errors.ts";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";

describe("health, OpenAPI and problem responses", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("GET /health reports the database as reachable", async () => {
    const response = await t.app.inject({ method: "GET", url: "/health" });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: "ok", database: { engine: t.db.engine, reachable: true } });
  });

  it("GET /health/ready is ready when every migration of this build has run, and names the one missing when not", async () => {
    const ready = await t.app.inject({ method: "GET", url: "/health/ready" });
    assert.equal(ready.statusCode, 200, ready.body);
    const body = ready.json();
    assert.equal(body.ready, true);
    assert.deepEqual(body.migrations.missing, []);
    assert.equal(body.migrations.known, body.migrations.applied);
    assert.equal(body.backup.lastSuccessAt, null);
    assert.equal(body.backup.overdue, false, "a server just started is not yet overdue");
    assert.ok(!JSON.stringify(body.backup).includes(t.config.backups.dir), "a monitor is not told where backups are kept");
    const [newest] = await t.db.query<{ version: string; applied_at: string }>("select version, applied_at from schema_migrations order by version desc limit 1");
    await t.db.query("delete from schema_migrations where version = $1", [newest!.version]);
    try {
      const behind = await t.app.inject({ method: "GET", url: "/health/ready" });
      assert.equal(behind.statusCode, 503);
      assert.deepEqual(behind.json().migrations.missing, [newest!.version]);
    } finally {
      await t.db.query("insert into schema_migrations (version, applied_at) values ($1, $2)", [newest!.version, newest!.applied_at]);
    }
  });

  it("serves an OpenAPI 3 document of every route and the browsable docs", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    assert.match(spec.openapi, /^3\./);
    for (const path of [
      "/api/v1/session",
      "/api/v1/patients",
      "/api/v1/patients/{patientId}",
      "/api/v1/patients/{patientId}/pain-scores",
      "/api/v1/users",
      "/api/v1/audit-events",
      "/api/v1/questionnaires/{instrument}/wording",
      "/api/v1/follow-up-schedule",
      "/api/v1/patients/{patientId}/plans",
      "/api/v1/patients/{patientId}/visits",
      "/api/v1/visits/{visitId}",
      "/api/v1/visits/{visitId}/sign",
      "/api/v1/visits/{visitId}/amendments",
      "/api/v1/protocols",
      "/api/v1/safety/check",
      "/health",
      "/health/ready",
    ]) {
      assert.ok(spec.paths[path], `documents ${path}`);
    }
    assert.ok(spec.paths["/api/v1/patients"].post.requestBody, "request bodies are documented");
    const page = await t.app.inject({ method: "GET", url: "/api/docs/" });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /swagger/i);
  });

  it("answers unknown API paths with a NOT_FOUND problem", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().code, "NOT_FOUND");
    assert.equal(response.json().status, 404);
  });

  it("every registered error code has a client-error or server-error status and a title", () => {
    for (const [code, { status, title }] of Object.entries(ERRORS)) {
      assert.ok(status >= 400 && status < 600, code);
      assert.ok(title.length > 10, code);
      assert.match(code, /^[A-Z_]+$/);
    }
  });
});

describe("health when the database is gone", () => {
  it("answers 503 with reachable: false", async () => {
    const t = await createTestContext();
    const { db } = t;
    const realQuery = db.query.bind(db);
    db.query = (async () => {
      throw new Error("connection lost");
    }) as typeof db.query;
    try {
      const response = await t.app.inject({ method: "GET", url: "/health" });
      assert.equal(response.statusCode, 503);
      assert.deepEqual(response.json(), { status: "degraded", database: { engine: db.engine, reachable: false } });
    } finally {
      db.query = realQuery;
      await t.close();
    }
  });
});
