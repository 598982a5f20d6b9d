/**
 * The audit log as a hash chain (issue 15, decision record 0020): appends
 * from concurrent requests make one unbroken chain per clinic, and an entry
 * edited, deleted, inserted, moved or re-hashed in the database (with the
 * append-only trigger switched off, as a superuser can) is found and named,
 * through the owner's API. Each tampering is done in a clinic of its own, so
 * the other clinics' chains show that one clinic's chain is independent.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { ClinicId } from "../../../domain/shared/brand.ts";
import { appendAuditEvent } from "../../db/repositories/auditEvents.ts";
import { createTestContext, patientBody, type TestClinic, type TestContext } from "../../testing/testClinic.ts";

interface Status {
  lastCheck: {
    checkedAt: string;
    checkedByName: string | null;
    entriesChecked: number;
    intact: boolean;
    lastSeq: number | null;
    finding: { kind: string; seq: number; eventId: string | null; message: string } | null;
  } | null;
  entriesNow: number;
  entriesSinceCheck: number;
}

describe("audit chain", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  /** A clinic whose log has some entries: a patient registered and read a few times. */
  async function clinicWithEntries(reads = 6): Promise<TestClinic & { patientId: string }> {
    const clinic = await t.newClinic();
    const patient = (await clinic.frontDesk.post("/api/v1/patients", patientBody())).json();
    for (let i = 0; i < reads; i++) await clinic.practitioner.get(`/api/v1/patients/${patient.id}`);
    return { ...clinic, patientId: patient.id };
  }

  const check = async (clinic: TestClinic): Promise<Status> => {
    const response = await clinic.owner.post("/api/v1/audit-log/verification");
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  /** What a superuser with the data directory can do: switch the triggers off, change the log, switch them on again. */
  async function tamper(sql: string, params: unknown[] = []) {
    await t.db.exec("alter table audit_events disable trigger user");
    try {
      await t.db.query(sql, params);
    } finally {
      await t.db.exec("alter table audit_events enable trigger user");
    }
  }

  const entryAt = async (clinicId: ClinicId, seq: number) =>
    (await t.db.query<{ id: string }>("select id::text as id from audit_events where clinic_id = $1 and chain_seq = $2", [clinicId, seq]))[0]!.id;

  async function chainOf(clinicId: ClinicId) {
    return t.db.query<{ seq: string; prev_hash: string | null; hash: string }>(
      "select chain_seq::text as seq, prev_hash, hash from audit_events where clinic_id = $1 order by chain_seq",
      [clinicId],
    );
  }

  it("keeps one unbroken chain per clinic when many requests append at once", async () => {
    const clinic = await clinicWithEntries(0);
    const agents = [clinic.owner, clinic.practitioner, clinic.frontDesk];
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => agents[i % 3]!.get(`/api/v1/patients/${clinic.patientId}`)));
    assert.ok(responses.every((r) => r.statusCode === 200));
    // Transactions that append twice with a pause between, so on PostgreSQL they overlap on separate connections.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await appendAuditEvent(tx, { clinicId: clinic.clinicId, userId: null, action: "read", entity: "patient", ip: null, detail: { n: i } });
          await new Promise((resolve) => setTimeout(resolve, 5));
          await appendAuditEvent(tx, { clinicId: clinic.clinicId, userId: null, action: "read", entity: "patient", ip: null, detail: { n: i } });
        }),
      ),
    );
    const chain = await chainOf(clinic.clinicId);
    assert.ok(chain.length >= 60 + 16);
    chain.forEach((entry, index) => {
      assert.equal(entry.seq, String(index + 1), "positions run 1, 2, 3… without a gap or a repeat");
      assert.equal(entry.prev_hash, index === 0 ? null : chain[index - 1]!.hash, `entry ${index + 1} follows the one before it`);
    });
    const status = await check(clinic);
    assert.equal(status.lastCheck!.intact, true, JSON.stringify(status.lastCheck));
    assert.equal(status.lastCheck!.entriesChecked, chain.length);
  });

  const onPostgres = Boolean(process.env.ACUBACK_TEST_DATABASE_URL);
  it("serialises one clinic's appends across connections and lets other clinics' appends through", { skip: !onPostgres && "PGlite runs one transaction at a time" }, async () => {
    const a = await t.newClinic();
    const b = await t.newClinic();
    const event = (clinicId: ClinicId) => ({ clinicId, userId: null, action: "read" as const, entity: "patient" as const, ip: null });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = t.db.transaction(async (tx) => {
      await appendAuditEvent(tx, event(a.clinicId));
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let sameClinicDone = false;
    const sameClinic = appendAuditEvent(t.db, event(a.clinicId)).then(() => (sameClinicDone = true));
    await appendAuditEvent(t.db, event(b.clinicId));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(sameClinicDone, false, "the second append to the clinic waits for the open transaction");
    release();
    await Promise.all([open, sameClinic]);
    assert.equal((await check(a)).lastCheck!.intact, true);
    assert.equal((await check(b)).lastCheck!.intact, true);
  });

  it("chains the rows of one multi-row insert", async () => {
    const clinic = await t.newClinic();
    await t.db.query(
      "insert into audit_events (clinic_id, action, entity, detail) select $1, 'read', 'patient', jsonb_build_object('n', i) from generate_series(1, 50) as i",
      [clinic.clinicId],
    );
    const status = await check(clinic);
    assert.equal(status.lastCheck!.intact, true);
    assert.ok(status.lastCheck!.entriesChecked >= 50);
  });

  it("verifies an intact chain, records the check, shows it afterwards, and audits both", async () => {
    const clinic = await clinicWithEntries();
    const before = (await clinic.owner.get("/api/v1/audit-log/verification")).json() as Status;
    assert.equal(before.lastCheck, null, "no check yet");
    const [{ n: entries }] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1", [clinic.clinicId]) as [{ n: number }];
    const status = await check(clinic);
    assert.deepEqual(
      { intact: status.lastCheck!.intact, entriesChecked: status.lastCheck!.entriesChecked, by: status.lastCheck!.checkedByName, finding: status.lastCheck!.finding },
      { intact: true, entriesChecked: entries, by: `owner ${clinic.owner.email.slice(6, 14)}`, finding: null },
    );
    assert.equal(status.entriesSinceCheck, 0, "the check's own entry is not counted as unchecked");
    assert.equal(before.entriesSinceCheck, entries - 1, "before any check, every entry is unchecked");
    const shown = (await clinic.owner.get("/api/v1/audit-log/verification")).json() as Status;
    assert.equal(shown.lastCheck!.checkedAt, status.lastCheck!.checkedAt);
    await clinic.practitioner.get(`/api/v1/patients/${clinic.patientId}`);
    const later = (await clinic.owner.get("/api/v1/audit-log/verification")).json() as Status;
    assert.equal(later.entriesSinceCheck, 2, "the earlier look at the check and the read since");
    const audited = (await clinic.owner.get("/api/v1/audit-events?entity=audit_chain")).json() as { userId: string; detail: Record<string, unknown> }[];
    assert.deepEqual(
      audited.map((e) => [e.userId, e.detail.check, e.detail.intact]),
      [
        [clinic.owner.userId, "last", true],
        [clinic.owner.userId, "last", true],
        [clinic.owner.userId, "run", true],
        [clinic.owner.userId, "last", undefined],
      ],
    );
  });

  it("names a deleted entry", async () => {
    const clinic = await clinicWithEntries();
    await tamper("delete from audit_events where clinic_id = $1 and chain_seq = 3", [clinic.clinicId]);
    const { finding, entriesChecked } = (await check(clinic)).lastCheck!;
    assert.deepEqual({ kind: finding!.kind, seq: finding!.seq, eventId: finding!.eventId, entriesChecked }, { kind: "missing", seq: 3, eventId: null, entriesChecked: 2 });
    assert.match(finding!.message, /^Entry 3 is missing: deleted from the log\. Entry 4 \(audit event \d+\) comes next\.$/);
  });

  it("names an entry whose detail was edited", async () => {
    const clinic = await clinicWithEntries();
    const id = await entryAt(clinic.clinicId, 4);
    await tamper(`update audit_events set detail = '{"shown": []}' where id = $1`, [id]);
    const { finding } = (await check(clinic)).lastCheck!;
    assert.deepEqual([finding!.kind, finding!.seq, finding!.eventId], ["altered", 4, id]);
    assert.match(finding!.message, new RegExp(`^Entry 4 \\(audit event ${id}\\) does not match its hash`));
  });

  it("names an entry whose hash was edited", async () => {
    const clinic = await clinicWithEntries();
    const id = await entryAt(clinic.clinicId, 5);
    await tamper("update audit_events set hash = repeat('0', 64) where id = $1", [id]);
    const { finding } = (await check(clinic)).lastCheck!;
    assert.deepEqual([finding!.kind, finding!.seq, finding!.eventId], ["altered", 5, id]);
  });

  it("names an entry that was edited and given a correct new hash, by the entry after it", async () => {
    const clinic = await clinicWithEntries();
    const id = await entryAt(clinic.clinicId, 2);
    await tamper(`update audit_events set user_id = null where id = $1`, [id]);
    await tamper("update audit_events e set hash = audit_event_hash(e) where id = $1", [id]);
    const { finding } = (await check(clinic)).lastCheck!;
    assert.deepEqual([finding!.kind, finding!.seq, finding!.eventId], ["relinked", 2, id]);
    assert.match(finding!.message, new RegExp(`^Entry 2 \\(audit event ${id}\\) was changed and given a new hash: Entry 3 `));
  });

  it("names the first of two entries whose places were swapped", async () => {
    const clinic = await clinicWithEntries();
    const [third, fourth] = [await entryAt(clinic.clinicId, 3), await entryAt(clinic.clinicId, 4)];
    await tamper("update audit_events set chain_seq = -1 where id = $1", [third]);
    await tamper("update audit_events set chain_seq = 3 where id = $1", [fourth]);
    await tamper("update audit_events set chain_seq = 4 where id = $1", [third]);
    const { finding } = (await check(clinic)).lastCheck!;
    assert.deepEqual([finding!.kind, finding!.seq, finding!.eventId], ["altered", 3, fourth]);
  });

  it("names an entry added with the chain switched off", async () => {
    const clinic = await clinicWithEntries();
    const [last] = await t.db.query<{ seq: number; hash: string }>(
      "select chain_seq::int as seq, hash from audit_events where clinic_id = $1 order by chain_seq desc limit 1",
      [clinic.clinicId],
    );
    // A forged entry with a hash computed correctly, the way an attacker who read migration 0032 would; the head stays where it was.
    await tamper(
      `insert into audit_events (clinic_id, action, entity, chain_seq, prev_hash, hash) values ($1, 'read', 'patient', $2, $3, 'pending')`,
      [clinic.clinicId, last!.seq + 1, last!.hash],
    );
    await tamper("update audit_events e set hash = audit_event_hash(e) where clinic_id = $1 and chain_seq = $2", [clinic.clinicId, last!.seq + 1]);
    const forged = await entryAt(clinic.clinicId, last!.seq + 1);
    const { finding } = (await check(clinic)).lastCheck!;
    assert.deepEqual([finding!.kind, finding!.seq, finding!.eventId], ["end", last!.seq + 1, forged]);
  });

  it("finds entries deleted from the end, and still after new entries follow", async () => {
    const clinic = await clinicWithEntries();
    const [{ seq: last }] = (await t.db.query<{ seq: number }>("select max(chain_seq)::int as seq from audit_events where clinic_id = $1", [clinic.clinicId])) as [{ seq: number }];
    await tamper("delete from audit_events where clinic_id = $1 and chain_seq > $2", [clinic.clinicId, last - 2]);
    const first = (await check(clinic)).lastCheck!.finding!;
    assert.deepEqual([first.kind, first.seq], ["missing", last - 1]);
    assert.match(first.message, new RegExp(`^Entries ${last - 1}–${last} are missing: deleted from the end of the log`));
    await clinic.practitioner.get(`/api/v1/patients/${clinic.patientId}`);
    const later = (await check(clinic)).lastCheck!.finding!;
    assert.deepEqual([later.kind, later.seq], ["missing", last - 1], "the next entries go on after the gap");
  });

  it("finds a log rewritten whole, hashes and head included, by the last intact check", async () => {
    const clinic = await clinicWithEntries();
    assert.equal((await check(clinic)).lastCheck!.intact, true);
    // Delete entry 2 and re-chain everything after it, as someone who knows the scheme would.
    await tamper(
      `do $$
       declare e audit_events; prev text;
       begin
         delete from audit_events where clinic_id = '${clinic.clinicId}' and chain_seq = 2;
         for e in select * from audit_events where clinic_id = '${clinic.clinicId}' order by chain_seq loop
           if e.chain_seq > 2 then e.chain_seq := e.chain_seq - 1; end if;
           e.prev_hash := prev;
           prev := audit_event_hash(e);
           update audit_events set chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = prev where id = e.id;
         end loop;
         update audit_chain_heads h set seq = h.seq - 1, hash = prev where clinic_id = '${clinic.clinicId}';
       end $$`,
    );
    const { finding } = (await check(clinic)).lastCheck!;
    assert.equal(finding!.kind, "changed_since_check");
    assert.match(finding!.message, /is not the entry the check of .* found there: the log up to it was rewritten/);
  });

  it("is for owners only, and one clinic's broken chain leaves another's intact", async () => {
    const broken = await clinicWithEntries();
    const sound = await clinicWithEntries(2);
    for (const agent of [sound.practitioner, sound.frontDesk]) {
      assert.equal((await agent.get("/api/v1/audit-log/verification")).statusCode, 403);
      assert.equal((await agent.post("/api/v1/audit-log/verification")).statusCode, 403);
    }
    // Refusals are audited once the answer has gone (server/http/deniedAccessAudit.ts): wait for the four before counting.
    const denied = async () =>
      (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1 and action = 'denied'", [sound.clinicId]))[0]!.n;
    for (let tries = 0; (await denied()) < 4 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await denied(), 4, "each refusal is in the log");
    await tamper("delete from audit_events where clinic_id = $1 and chain_seq = 1", [broken.clinicId]);
    const [{ n: soundEntries }] = (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1", [sound.clinicId])) as [{ n: number }];
    const soundCheck = (await check(sound)).lastCheck!;
    assert.deepEqual([soundCheck.intact, soundCheck.entriesChecked], [true, soundEntries], "only its own entries, all sound");
    const brokenCheck = (await check(broken)).lastCheck!;
    assert.deepEqual([brokenCheck.intact, brokenCheck.finding!.kind, brokenCheck.finding!.seq], [false, "missing", 1]);
    const audited = (await broken.owner.get("/api/v1/audit-events?entity=audit_chain&limit=1")).json()[0];
    assert.deepEqual([audited.detail.check, audited.detail.intact, audited.detail.brokenAt], ["run", false, 1]);
  });
});
