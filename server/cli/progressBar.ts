/**
 * A one-line progress bar for long imports, drawn on stderr only when it is a
 * terminal (a pipe or a log file gets the final report alone).
 */
export interface ProgressFigures {
  bytesRead: number;
  totalBytes: number;
  linesRead: number;
  elapsedMs: number;
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "–";
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m ? `${m}m${String(s).padStart(2, "0")}s` : `${s}s`;
}

/** The bar's text: bar, bytes read of total, rows per second and time left. */
export function progressLine(p: ProgressFigures, width = 24): string {
  const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const filled = Math.round(share * width);
  const seconds = p.elapsedMs / 1000;
  const rowsPerSecond = seconds > 0 ? p.linesRead / seconds : 0;
  const left = share > 0 ? seconds * (1 / share - 1) : NaN;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)}%  ${gb(p.bytesRead)} of ${gb(p.totalBytes)}  ${Math.round(rowsPerSecond).toLocaleString("en-US")} rows/s  ${duration(left)} left`;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ((p: ProgressFigures) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (p) => stream.write(`\r${progressLine(p, Math.max(10, Math.min(30, (stream.columns ?? 80) - 70)))}\x1b[K`);
}
