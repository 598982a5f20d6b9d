/**
 * The reminder sender inside the server: a run now, then one every few
 * minutes. One run at a time (a slow SMTP server makes a run long, never two
 * at once). Stopping waits for a run in progress, so a reminder being sent
 * on shutdown still has its outcome recorded before the database closes.
 */
import type { Database } from "../db/database.ts";
import { sendDueReminders, type SendingRun } from "../services/reminders.ts";
import type { Mailer } from "./mailer.ts";

export function scheduleReminders(
  db: Database,
  mailer: Mailer,
  intervalMs: number,
  report: { onRun?: (run: SendingRun) => void; onError: (error: unknown) => void },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running ??= sendDueReminders(db, mailer)
      .then((result) => report.onRun?.(result))
      .catch(report.onError)
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
