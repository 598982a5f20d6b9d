// The byte scan of one range of a plain NPPES file on its own core
// (byteScan.mjs). Posts the candidate lines of each chunk packed in one
// buffer, transferred rather than copied, while the main thread parses and
// writes. Started by candidateLinesInWorkers (lineScanner.ts), which also
// declares the messages (ScanRequest, ScanMessage). Plain JavaScript: it
// starts without the TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import { scanRange } from "./byteScan.mjs";

const request = workerData;
try {
  const totals = scanRange(request.path, request.range, { code: request.code, watched: new Set(request.watched), header: request.header, chunkBytes: request.chunkBytes }, (lines, bytesRead, linesRead) => {
    parentPort.postMessage({ kind: "lines", lines, bytesRead, linesRead }, [lines.bytes.buffer]);
  });
  parentPort.postMessage({ kind: "done", ...totals });
} catch (error) {
  parentPort.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
}
