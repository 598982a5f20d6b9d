import type { Config } from "../config.ts";
import { addressToOpen, describeBackups, describeDatabase, describeSmtp, servingProblems } from "../config.ts";
import { scheduleBackups } from "../backup/backupSchedule.ts";
import { startControlSocket } from "../control/controlSocket.ts";
import { scheduleMaintenance } from "../db/maintenance.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { FIRST_OWNER_COMMAND } from "../../domain/access/firstOwner.ts";
import { countAllUsers } from "../db/repositories/users.ts";
import { buildApp } from "../http/app.ts";
import { scheduleReminders } from "../notify/reminderSchedule.ts";
import { smtpMailer } from "../notify/smtpMailer.ts";
import { loadDemoIfEmpty, printDemoAccounts } from "./demo.ts";

/** Raised before anything starts when the configuration cannot serve as asked; main prints it and exits 2. */
export class ServingRefused extends Error {
  // main.ts loads serve.ts only for `serve`, so it recognises this by name, not by class.
  override name = "ServingRefused";
}

export async function serve(envConfig: Config, options: { port?: number; host?: string; demo?: boolean }): Promise<void> {
  const config: Config = { ...envConfig, host: options.host ?? envConfig.host, port: options.port ?? envConfig.port };
  const problems = servingProblems(config);
  if (problems.length > 0) throw new ServingRefused(problems.join("\n"));
  const db = await openDatabase(config.database);
  if (options.demo) {
    const demo = await loadDemoIfEmpty(db);
    if (demo) printDemoAccounts(demo);
  }
  const mailer = config.smtp ? smtpMailer(config.smtp) : null;
  const app = await buildApp({ db, config, mailer, logLevel: process.env.ACUBACK_LOG_LEVEL ?? "warn" });
  const stopMaintenance = scheduleMaintenance(db, undefined, (error) =>
    app.log.error({ fault: (error as Error).name }, "database maintenance failed"),
  );
  // Counts only: a reminder's patient, address and words never reach the log.
  const stopReminders = mailer
    ? scheduleReminders(db, mailer, config.reminderCheckMinutes * 60_000, {
        onRun: (run) => (run.sent + run.failed > 0 ? app.log.info({ sent: run.sent, failed: run.failed }, "reminders sent") : undefined),
        onError: (error) => app.log.error({ fault: (error as Error).name }, "sending reminders failed"),
      })
    : async () => {};
  const stopBackups = config.backups.automatic
    ? scheduleBackups(db, config.backups, {
        onBackup: (file) => app.log.info({ file: file.name, bytes: file.bytes }, "backup taken"),
        onError: (error) => app.log.error({ fault: (error as Error).name, problem: (error as Error).message }, "automatic backup failed"),
      })
    : async () => {};
  // The embedded database's own commands (acuback backup, set-password) reach it through this process while it runs.
  const dataDir = "dataDir" in config.database ? config.database.dataDir : null;
  const stopControl = (dataDir && (await startControlSocket(dataDir, db))) || (async () => {});
  const listening = await app.listen({ port: config.port, host: config.host });
  const open = addressToOpen(config, listening);
  console.log(`Acuback is running: open ${open} (${describeDatabase(config.database)}; listening on ${listening}${config.tls ? ", HTTPS" : ""}).`);
  console.log(`API documentation: ${open}/api/docs. Reminders: ${describeSmtp(config.smtp)}. ${describeBackups(config.backups)} Stop with Ctrl+C.`);
  if ((await countAllUsers(db)) === 0) {
    console.log(
      [
        "No clinic or account exists yet. Create the first owner, then sign in:",
        `  ${FIRST_OWNER_COMMAND}`,
        "Or try the demo clinic: stop, then run `npm start` (or `acuback serve --demo`).",
      ].join("\n"),
    );
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopMaintenance();
    await stopReminders();
    await stopBackups();
    await stopControl();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

