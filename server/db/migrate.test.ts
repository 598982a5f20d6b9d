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

  it("scope every table by clinic, except the clinics themselves, the record of removed clinics, the migration record, the national provider directory and the rate-limit counters", async () => {
    const tables = await t.db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
    );
    const scoped = await t.db.query<{ table_name: string }>(
      "select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'clinic_id'",
    );
    const unscoped = tables
      .map((r) => r.table_name)
      .filter((name) => !scoped.some((r) => r.table_name === name))
      .sort();
    // The directory is CMS's public NPPES data, the same for every clinic, and holds nothing about patients (decision record 0008);
    // clinic_removals records clinics that no longer exist; rate_counts holds hashed counters of sign-in tries and requests (migration 0034).
    assert.deepEqual(unscoped, ["clinic_removals", "clinics", "directory_imports", "directory_providers", "directory_secondary_locations", "rate_counts", "schema_migrations"]);
    assert.ok(tables.length >= 12, "all migrations' tables are there");
  });
});
