import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openTestDatabase, type TestDatabase } from "../testing/testDatabase.ts";
import { maintainDatabase } from "./maintenance.ts";

describe("database maintenance", () => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase();
  });
  after(() => t.dispose());

  it("gives the planner statistics on PGlite, where no autovacuum runs", async () => {
    const [clinic] = await t.db.query<{ id: string }>("insert into clinics (name) values ('M') returning id");
    await t.db.query(
      `insert into patients (clinic_id, record_number, given_name, family_name, birth_date, sex)
       select $1, 'M-' || i, 'G', 'F' || i, date '1950-01-01', 'unknown' from generate_series(1, 500) i`,
      [clinic!.id],
    );
    await maintainDatabase(t.db);
    if (t.db.engine === "pglite") {
      const [stats] = await t.db.query<{ n: number }>("select reltuples::int as n from pg_class where relname = 'patients'");
      assert.equal(stats!.n, 500);
    }
  });
});
