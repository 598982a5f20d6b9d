/**
 * Migration 0032 on a database that already has an audit log: the rows
 * present are chained clinic by clinic in id order and verify, and the hash
 * the database computes on insert is the one Node recomputes, whatever the
 * session's TimeZone and whatever characters the entry holds.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { ClinicId } from "../../domain/shared/brand.ts";
import { walkAuditChain } from "../services/auditChainWalk.ts";
import { openTestDatabase, type TestDatabase } from "../testing/testDatabase.ts";
import { auditEntryHash, CHAINED_ENTRY_COLUMNS, type ChainedAuditEntry } from "./auditEntryHash.ts";
import { listMigrations, migrate } from "./migrate.ts";

const CHAIN_MIGRATION = "0032_audit_hash_chain";

/** Entries that try the serialisation: non-ASCII and astral characters, quotes, separators, line breaks, nulls, numbers jsonb respells. */
const AWKWARD = [
  { entityId: "a:b-c|d", ip: "2001:db8::1", detail: { note: 'Zoë "quoted" \\ back', shown: ["x", "y"] } },
  { entityId: null, ip: null, detail: { emoji: "🌿 ling 靈", lines: "one\ntwo\tthree", n: 1.0, big: 1e3 } },
  { entityId: "-", ip: "10:0", detail: {} },
  { entityId: "5:hello", ip: "", detail: { nested: { b: [1, { a: null }], a: true }, "": "empty key" } },
];

describe("migration 0032 on an existing audit log", () => {
  let t: TestDatabase;
  const clinics: ClinicId[] = [];
  before(async () => {
    t = await openTestDatabase({ migrated: false });
    const { db } = t;
    await db.exec("create table schema_migrations (version text primary key, applied_at timestamptz not null default now())");
    for (const migration of listMigrations().filter((m) => m.version < CHAIN_MIGRATION)) {
      await db.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query("insert into schema_migrations (version) values ($1)", [migration.version]);
      });
    }
    for (const name of ["Old clinic A", "Old clinic B"]) clinics.push((await db.query<{ id: ClinicId }>("insert into clinics (name) values ($1) returning id", [name]))[0]!.id);
    // Older entries, interleaved between the clinics, written in a session far from UTC, with microseconds.
    await db.transaction(async (tx) => {
      await tx.query("select set_config('TimeZone', 'America/St_Johns', true)");
      for (let i = 0; i < 40; i++) {
        const awkward = AWKWARD[i % AWKWARD.length]!;
        await tx.query(
          `insert into audit_events (clinic_id, action, entity, entity_id, ip, detail, at)
           values ($1, 'read', 'patient', $2, $3, $4, timestamptz '2026-03-08 01:59:59.123456' + $5 * interval '1 minute 0.000007 second')`,
          [clinics[i % 3 === 0 ? 1 : 0], awkward.entityId, awkward.ip, JSON.stringify(awkward.detail), i],
        );
      }
    });
    assert.deepEqual(await migrate(db), listMigrations().filter((m) => m.version >= CHAIN_MIGRATION).map((m) => m.version));
  });
  after(() => t.dispose());

  const entries = (clinicId: ClinicId) =>
    t.db.query<ChainedAuditEntry>(`select ${CHAINED_ENTRY_COLUMNS} from audit_events where clinic_id = $1 order by chain_seq`, [clinicId]);

  it("chains each clinic's existing entries in id order, and they verify", async () => {
    for (const clinicId of clinics) {
      const chain = await entries(clinicId);
      assert.ok(chain.length >= 13);
      assert.deepEqual(chain.map((e) => e.chainSeq), chain.map((_, i) => String(i + 1)));
      assert.deepEqual(chain.map((e) => Number(e.id)), chain.map((e) => Number(e.id)).sort((a, b) => a - b), "positions follow ids");
      const walk = await walkAuditChain(t.db, clinicId);
      assert.deepEqual([walk.intact, walk.entriesChecked, walk.lastHash], [true, chain.length, chain.at(-1)!.hash]);
    }
  });

  it("hashes new entries as Node does, in any session time zone, and verifies from any", async () => {
    const clinicId = clinics[0]!;
    await t.db.transaction(async (tx) => {
      await tx.query("select set_config('TimeZone', 'Asia/Kathmandu', true)");
      for (const awkward of AWKWARD) {
        await tx.query("insert into audit_events (clinic_id, action, entity, entity_id, ip, detail) values ($1, 'list', 'patient', $2, $3, $4)", [
          clinicId,
          awkward.entityId,
          awkward.ip,
          JSON.stringify(awkward.detail),
        ]);
      }
    });
    for (const entry of await entries(clinicId)) assert.equal(auditEntryHash(entry), entry.hash, `entry ${entry.chainSeq}`);
    const walk = await t.db.transaction(async (tx) => {
      await tx.query("select set_config('TimeZone', 'Pacific/Chatham', true)");
      return walkAuditChain(tx, clinicId);
    });
    assert.equal(walk.intact, true, walk.finding?.message);
  });

  it("leaves the log append-only", async () => {
    await assert.rejects(t.db.query("update audit_events set action = 'read'"), /append-only/);
    await assert.rejects(t.db.query("delete from audit_events"), /append-only/);
  });
});
