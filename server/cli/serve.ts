import type { Config } from "../config.ts";
import { describeDatabase } from "../config.ts";
import { scheduleMaintenance } from "../db/maintenance.ts";
import { openDatabase } from "../db/openDatabase.ts";
import { buildApp } from "../http/app.ts";
import { loadDemoIfEmpty, printDemoAccounts } from "./demo.ts";

export async function serve(config: Config, options: { port?: number; host?: string; demo?: boolean }): Promise<void> {
  const db = await openDatabase(config.database);
  if (options.demo) {
    const demo = await loadDemoIfEmpty(db);
    if (demo) printDemoAccounts(demo);
  }
  const app = await buildApp({ db, config, logLevel: process.env.ACUBACK_LOG_LEVEL ?? "warn" });
  const stopMaintenance = scheduleMaintenance(db, undefined, (error) =>
    app.log.error({ fault: (error as Error).name }, "database maintenance failed"),
  );
  const host = options.host ?? config.host;
  const address = (await app.listen({ port: options.port ?? config.port, host })).replace("127.0.0.1", "localhost");
  console.log(`Acuback is running at ${address} (${describeDatabase(config.database)}).`);
  console.log(`API documentation: ${address}/api/docs. Stop with Ctrl+C.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopMaintenance();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
