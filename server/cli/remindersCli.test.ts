/**
 * `acuback reminders send` as cron would run it: a real process on a real
 * data directory, sending through a real SMTP server on loopback; and the
 * in-server interval, which stops cleanly.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { Database } from "../db/database.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { insertClinic } from "../db/repositories/clinics.ts";
import { insertPatient } from "../db/repositories/patients.ts";
import { scheduleReminders } from "../notify/reminderSchedule.ts";
import { smtpMailer } from "../notify/smtpMailer.ts";
import { createAccount } from "../services/staff.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../testing/smtpCatcher.ts";

const BIN = join(import.meta.dirname, "..", "..", "bin", "acuback.mjs");

/** A clinic with one patient booked `hoursAhead` from now (written directly: the booking rules are not what is tested here). */
async function clinicWithAppointment(db: Database, email: string, hoursAhead: number) {
  const clinic = await insertClinic(db, `Reminder clinic ${email}`);
  const user = await createAccount(db, { clinicId: clinic.id as ClinicId, email: `owner-${email}`, displayName: "Sam Okafor, L.Ac.", role: "owner", password: "correct horse battery" });
  if (!user.ok) throw new Error(user.code);
  const patient = await insertPatient(db, clinic.id as ClinicId, { recordNumber: "R-1", givenName: "Ana", familyName: "Reyes", birthDate: "1980-01-02" as never, sex: "female", phone: null, email, addressLine: null, city: null, region: null, postalCode: null });
  const [room] = await db.query<{ id: string }>("insert into rooms (clinic_id, name) values ($1, 'Room 1') returning id", [clinic.id]);
  const [type] = await db.query<{ id: string }>("insert into appointment_types (clinic_id, name, kind, minutes) values ($1, 'Visit', 'other', 60) returning id", [clinic.id]);
  const start = new Date(Date.now() + hoursAhead * 3_600_000);
  await db.query("insert into appointments (clinic_id, patient_id, practitioner_id, room_id, type_id, starts_at, ends_at) values ($1, $2, $3, $4, $5, $6, $7)", [
    clinic.id, patient.id, user.value.id, room!.id, type!.id, start.toISOString(), new Date(start.getTime() + 3_600_000).toISOString(),
  ]);
  return clinic.id;
}

describe("sending reminders outside the web app", () => {
  let smtp: SmtpCatcher;
  const dataDir = mkdtempSync(join(tmpdir(), "acuback-reminders-"));
  before(async () => {
    smtp = await startSmtpCatcher();
  });
  after(async () => {
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Not spawnSync: the SMTP server lives in this process and must keep answering while the command runs.
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, "reminders", "send"], { env: { ...process.env, DATABASE_URL: "", ACUBACK_DATA_DIR: dataDir, ACUBACK_SMTP_URL: "", ACUBACK_SMTP_FROM: "", ...env } });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out }));
    });

  it("`acuback reminders send` sends what is due once, prints counts only, and says plainly when e-mail is not configured", async () => {
    const db = await openDatabase({ dataDir });
    await clinicWithAppointment(db, "cli@patient.test", 3);
    await db.close();

    const off = await run({});
    assert.equal(off.code, 2);
    assert.match(off.out, /E-mail is not configured: set ACUBACK_SMTP_URL and ACUBACK_SMTP_FROM/);

    const env = { ACUBACK_SMTP_URL: smtp.settings.url.href, ACUBACK_SMTP_FROM: smtp.settings.from };
    const first = await run(env);
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /Reminders \(e-mail through 127\.0\.0\.1:\d+\): 1 sent, 0 failed\./);
    assert.ok(!first.out.includes("cli@patient.test") && !first.out.includes("Ana") && !first.out.includes("s3cret"), first.out);
    assert.equal(smtp.received.filter((m) => m.subject?.startsWith("Reminder:")).length, 1);
    const again = await run(env);
    assert.match(again.out, /0 sent, 0 failed/);
    assert.equal(smtp.received.length, 1, "sent once");

    smtp.refuseRecipients(true);
    try {
      const db2 = await openDatabase({ dataDir });
      await clinicWithAppointment(db2, "refused@patient.test", 4);
      await db2.close();
      const failing = await run(env);
      assert.equal(failing.code, 1);
      assert.match(failing.out, /0 sent, 1 failed\. The Reminders page shows which/);
    } finally {
      smtp.refuseRecipients(false);
    }
  });

  it("the server's interval sends at once, and stopping it waits for the run and sends no more", async () => {
    const intervalDir = mkdtempSync(join(tmpdir(), "acuback-interval-"));
    const db = await openDatabase({ dataDir: intervalDir });
    const mailer = smtpMailer(smtp.settings);
    try {
      await clinicWithAppointment(db, "interval@patient.test", 2);
      const runs: { sent: number; failed: number }[] = [];
      const stop = scheduleReminders(db, mailer, 50, { onRun: (r) => runs.push(r), onError: (error) => assert.fail(String(error)) });
      await stop();
      assert.deepEqual(runs[0], { sent: 1, failed: 0 }, "the first run finished before stop returned");
      const count = runs.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(runs.length, count, "no run after stopping");
      assert.equal(smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === "interval@patient.test").length, 1);
    } finally {
      mailer.close();
      await db.close();
      rmSync(intervalDir, { recursive: true, force: true });
    }
  });
});
