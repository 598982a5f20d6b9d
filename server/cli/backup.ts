/**
 * `acuback backup [--out FILE]` and `acuback restore FILE`: one format for
 * both engines (server/backup), so the same two commands also move a clinic
 * from the embedded database to a PostgreSQL server and back.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { configFromEnv, describeDatabase, type Config } from "../config.ts";
import { dataDirHolder } from "../db/dataDirLock.ts";
import { connectDatabase } from "../db/openDatabase.ts";
import { backupBytes, inspectBackupFile, saveAtomically } from "../backup/backupFile.ts";
import { backupFileName } from "../backup/backupFolder.ts";
import { restoreBackup } from "../backup/restoreBackup.ts";
import { backupThroughServer } from "../control/controlClient.ts";

export function addBackupCommands(program: Command) {
  program
    .command("backup")
    .description("Write a consistent backup of the whole database (every clinic), also while the server runs")
    .option("--out <file>", "where to write it (default: a dated file in ACUBACK_BACKUP_DIR)")
    .action(async (options: { out?: string }) => {
      const config = configFromEnv();
      const out = resolve(options.out ?? join(config.backups.dir, backupFileName(new Date(), "manual")));
      mkdirSync(dirname(out), { recursive: true });
      const via = await backupTo(config, out);
      const { header, end } = await inspectBackupFile(out);
      console.log(`Backed up ${describeDatabase(config.database)}${via}: ${end.tables} tables, ${end.rows} rows, schema ${header.migrations.at(-1)}.`);
      console.log(`Wrote ${out}. Restore it into an empty database with: acuback restore ${out}`);
    });

  program
    .command("restore <file>")
    .description("Restore a backup into an empty database: ACUBACK_DATA_DIR (embedded) or DATABASE_URL (PostgreSQL), whichever engine made it")
    .action(async (file: string) => {
      const config = configFromEnv();
      const db = await connectDatabase(config.database);
      try {
        const restored = await restoreBackup(db, resolve(file), (table, rows) => {
          if (process.stdout.isTTY) process.stdout.write(`\r\x1b[K  ${table}: ${rows} rows`);
        });
        if (process.stdout.isTTY) process.stdout.write("\r\x1b[K");
        const from = restored.header.engine === "pglite" ? "the embedded database" : "PostgreSQL";
        console.log(
          `Restored ${restored.tables} tables, ${restored.rows} rows (every table's count and content hash checked) from a backup of ${from} taken ${restored.header.createdAt} into ${describeDatabase(config.database)}.`,
        );
        if (restored.migratedAfter.length > 0) console.log(`Then brought the schema up to date: ${restored.migratedAfter.join(", ")}.`);
        // Authenticator secrets are sealed with a key kept outside the database (twoFactorKey.ts), so it does not travel in the backup.
        const [twoFactor] = await db.query<{ n: number }>("select count(*)::int as n from two_factor_credentials where confirmed_at is not null");
        if (twoFactor!.n > 0) {
          const keyAt = config.twoFactorKey.key ? "ACUBACK_TWO_FACTOR_KEY" : config.twoFactorKey.file;
          console.log(
            `${twoFactor!.n} staff use two-factor sign-in. Their authenticators open only with the two-factor key of the server that took the backup: put that key in ${keyAt} before starting this one, or owners reset their two-factor sign-in.`,
          );
        }
      } finally {
        await db.close();
      }
    });
}

/** Backs up directly, or through the running server when it holds the embedded database. */
async function backupTo(config: Config, out: string): Promise<string> {
  const dataDir = "dataDir" in config.database ? config.database.dataDir : null;
  if (dataDir && dataDirHolder(dataDir) !== null) {
    await backupThroughServer(dataDir, out);
    return " through the running server";
  }
  const db = await connectDatabase(config.database);
  try {
    await saveAtomically(out, backupBytes(db));
    return "";
  } finally {
    await db.close();
  }
}
