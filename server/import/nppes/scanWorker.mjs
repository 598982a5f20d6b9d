// The scan worker's entry: a worker thread starts without the parent's tsx hooks, so it registers them before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./scanWorker.ts");
