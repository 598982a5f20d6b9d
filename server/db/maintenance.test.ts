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

  it("deletes expired sessions and old rate counts and, on PGlite, gives the planner statistics", async () => {
    const [clinic] = await t.db.query<{ id: string }>("insert into clinics (name) values ('M') returning id");
    await t.db.query(
      `insert into patients (clinic_id, record_number, given_name, family_name, birth_date, sex)
       select $1, 'M-' || i, 'G', 'F' || i, date '1950-01-01', 'unknown' from generate_series(1, 500) i`,
      [clinic!.id],
    );
    const [user] = await t.db.query<{ id: string }>(
      "insert into users (clinic_id, email, display_name, role, password_hash) values ($1, 'm@x.test', 'M', 'owner', 'x') returning id",
      [clinic!.id],
    );
    await t.db.query(
      `insert into sessions (token_hash, user_id, clinic_id, csrf_token, expires_at)
       values ('old', $1, $2, 'c', now() - interval '1 minute'), ('live', $1, $2, 'c', now() + interval '1 hour')`,
      [user!.id, clinic!.id],
    );
    await t.db.query(
      "insert into rate_counts (key_hash, window_start, hits) values ('closed', now() - interval '2 hours', 3), ('open', now(), 1)",
    );
    await maintainDatabase(t.db);
    const counts = await t.db.query<{ key_hash: string }>("select key_hash from rate_counts");
    assert.deepEqual(counts.map((c) => c.key_hash), ["open"], "rate counts of long-closed windows are deleted");
    const left = await t.db.query<{ token_hash: string }>("select token_hash from sessions");
    assert.deepEqual(left.map((s) => s.token_hash), ["live"], "expired sessions are deleted");
    if (t.db.engine === "pglite") {
      const [stats] = await t.db.query<{ n: number }>("select reltuples::int as n from pg_class where relname = 'patients'");
      assert.equal(stats!.n, 500);
    }
  });
});
