import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openTestDatabase, type TestDatabase } from "../testing/testDatabase.ts";
import { listMigrations, migrate } from "./migrate.ts";

describe("migrations", () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
  });
  after(() => t.dispose());

  it("are numbered, ordered and all applied at open", async () => {
    const versions = listMigrations().map((m) => m.version);
    assert.ok(versions.length > 0);
    assert.deepEqual([...versions].sort(), versions);
    const rows = await t.db.query<{ version: string }>("select version from schema_migrations order by version");
    assert.deepEqual(rows.map((r) => r.version), versions);
  });

  it("apply nothing a second time", async () => {
    assert.deepEqual(await migrate(t.db), []);
  });

  it("scope every clinical table by clinic", async () => {
    const tables = await t.db.query<{ table_name: string }>(
      `select table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'clinic_id' order by table_name`,
    );
    const scoped = tables.map((r) => r.table_name);
    for (const table of ["patients", "pain_scores", "audit_events", "users", "sessions"]) assert.ok(scoped.includes(table), table);
  });
});
