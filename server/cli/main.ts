/**
 * The `acuback` command. Each subcommand opens the configured database
 * (ACUBACK_DATA_DIR or DATABASE_URL), which applies pending migrations first.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { ROLES, isRole } from "../../domain/access/roles.ts";
import { configFromEnv, describeDatabase } from "../config.ts";
import { DataDirLockedError } from "../db/dataDirLock.ts";
import { migrate } from "../db/migrate.ts";
import { connectDatabase } from "../db/openDatabase.ts";
import { createUserCommand, resetTwoFactorCommand, setPasswordCommand } from "./accounts.ts";
import { addAuditCommands } from "./audit.ts";
import { addBackupCommands } from "./backup.ts";
import { addPointCommands } from "./points.ts";
import { addCoverageCommands } from "./coverage.ts";
import { addDirectoryCommands } from "./directory.ts";
import { addExportCommands } from "./export.ts";
import { addReminderCommands } from "./reminders.ts";
import { addSafetyCommands } from "./safety.ts";
import { addScoreCommand } from "./score.ts";

const program = new Command()
  .name("acuback")
  .description("Acuback: acupuncture care for back pain.\nDatabase: ACUBACK_DATA_DIR (embedded, default ./data) or DATABASE_URL (PostgreSQL).")
  .showHelpAfterError();

program
  .command("serve")
  .description("Start the web app and API")
  .option("--port <port>", "port to listen on (default PORT or 3000)", port)
  .option("--host <host>", "address to listen on (default HOST or 127.0.0.1)")
  .option("--demo", "load the demo clinic first if the database has no clinic yet")
  .action(async (options: { port?: number; host?: string; demo?: boolean }) => {
    const { serve } = await import("./serve.ts");
    await serve(configFromEnv(), options);
  });

program
  .command("migrate")
  .description("Apply pending database migrations and exit")
  .action(async () => {
    const config = configFromEnv();
    const db = await connectDatabase(config.database);
    try {
      const applied = await migrate(db);
      console.log(`Schema of ${describeDatabase(config.database)} is current (${applied.length} applied now).`);
    } finally {
      await db.close();
    }
  });

program
  .command("create-user")
  .description("Create a staff account (and, with --create-clinic, its clinic)")
  .requiredOption("--email <email>", "sign-in e-mail")
  .requiredOption("--name <name>", "name shown in the app, e.g. 'Sam Okafor, L.Ac.'")
  .addOption(new Option("--role <role>", "role").choices(ROLES).default("practitioner"))
  .requiredOption("--clinic <name>", "clinic name")
  .option("--create-clinic", "create the clinic if no clinic has this name")
  .option("--password <password>", "initial password (default: ACUBACK_PASSWORD, or a generated one that is printed)")
  .action(async (options: { email: string; name: string; role: string; clinic: string; createClinic?: boolean; password?: string }) => {
    if (!isRole(options.role)) throw new InvalidArgumentError(`role must be one of ${ROLES.join(", ")}`);
    await createUserCommand(configFromEnv(), { ...options, role: options.role });
  });

program
  .command("set-password")
  .description("Set a new password for an account (lost password, or to change the printed demo password)")
  .requiredOption("--email <email>", "the account's e-mail")
  .option("--password <password>", "new password (default: ACUBACK_PASSWORD, or a generated one that is printed)")
  .action(async (options: { email: string; password?: string }) => {
    await setPasswordCommand(configFromEnv(), options);
  });

program
  .command("reset-two-factor")
  .description("Clear an account's two-factor sign-in (its authenticator and recovery codes), e.g. an owner who lost both")
  .requiredOption("--email <email>", "the account's e-mail")
  .action(async (options: { email: string }) => {
    await resetTwoFactorCommand(configFromEnv(), options);
  });

program
  .command("demo")
  .description("Load the demo clinic with synthetic staff, patients and pain scores")
  .option("--password <password>", "password for the demo accounts (default: ACUBACK_DEMO_PASSWORD or generated)")
  .action(async (options: { password?: string }) => {
    const { demoCommand, printDemoAccounts } = await import("./demo.ts");
    const loaded = await demoCommand(configFromEnv(), options);
    if (loaded) printDemoAccounts(loaded);
  });

program
  .command("remove-demo")
  .description("Remove the demo clinic with all its synthetic staff, patients and records, when your clinic goes live")
  .option("--yes", "remove it (without this, only says what would be removed)")
  .action(async (options: { yes?: boolean }) => {
    const { removeDemoCommand } = await import("./demo.ts");
    await removeDemoCommand(configFromEnv(), options);
  });

addPointCommands(program);
addScoreCommand(program);
addSafetyCommands(program);
addCoverageCommands(program);
addDirectoryCommands(program);
addExportCommands(program);
addReminderCommands(program);
addBackupCommands(program);
addAuditCommands(program);

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new InvalidArgumentError("a port from 0 to 65535");
  return parsed;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const refusals = ["ServingRefused", "RestoreRefused", "BackupFileError", "ServerUnreachable"];
  if (error instanceof DataDirLockedError || (error instanceof Error && refusals.includes(error.name))) {
    console.error(`acuback: ${error.message}`);
    process.exit(2);
  }
  console.error(`acuback: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
