/**
 * `acuback reminders send`: sends the reminders due now, once, and says how
 * many went and how many failed (counts only, never who). For a server that
 * is not left running, from cron or a systemd timer; a running server sends
 * them itself every ACUBACK_REMINDER_CHECK_MINUTES. With the embedded
 * database, only one process may open it: stop the server first, or let it send.
 */
import type { Command } from "commander";
import { configFromEnv, describeSmtp } from "../config.ts";
import { openDatabase } from "../db/openDatabase.ts";

export function addReminderCommands(program: Command) {
  const reminders = program.command("reminders").description("Appointment reminders by e-mail");
  reminders
    .command("send")
    .description("Send the reminders that are due now through the clinic's SMTP server (ACUBACK_SMTP_URL), once each")
    .action(async () => {
      const config = configFromEnv();
      if (!config.smtp) {
        console.error("acuback: E-mail is not configured: set ACUBACK_SMTP_URL and ACUBACK_SMTP_FROM (see the README). Until then the Reminders page lists the patients to phone.");
        process.exitCode = 2;
        return;
      }
      const { smtpMailer } = await import("../notify/smtpMailer.ts");
      const { sendDueReminders } = await import("../services/reminders.ts");
      const db = await openDatabase(config.database);
      const mailer = smtpMailer(config.smtp);
      try {
        const run = await sendDueReminders(db, mailer);
        console.log(`Reminders (${describeSmtp(config.smtp)}): ${run.sent} sent, ${run.failed} failed.${run.failed > 0 ? " The Reminders page shows which, and the next run tries again." : ""}`);
        if (run.failed > 0) process.exitCode = 1;
      } finally {
        mailer.close();
        await db.close();
      }
    });
}
