/**
 * Opens what a user downloads from CMS: the monthly or weekly CSV, or the zip
 * it comes in, streamed straight out of the archive (yauzl reads ZIP64, which
 * the ~10.7 GB monthly entry needs). Entry names are matched case-insensitively:
 * CMS's capitalisation varies between releases.
 */
import { createReadStream, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

export interface NppesSource {
  /** The CSV's own name (inside the zip, for a zip). */
  name: string;
  /** Uncompressed size in bytes, for the progress bar and ETA. */
  size: number;
  stream: Readable;
  /** Set for a plain file on disk: the importer may then scan it on a worker thread. */
  path?: string;
  /** For a monthly zip: opens the pl_pfile (secondary practice locations) beside the provider file, or null if it has none. */
  secondaryLocations?: () => Promise<NppesSource | null>;
}

export type OpenedSource = { ok: true; source: NppesSource } | { ok: false; problem: string };

/** The provider file of a release: npidata_pfile_… but not its _FileHeader companion. */
export function isProviderFileName(name: string): boolean {
  const file = basename(name).toLowerCase();
  return file.startsWith("npidata_pfile_") && file.endsWith(".csv") && !file.includes("fileheader");
}

/** The secondary practice locations of a release: pl_pfile_….csv but not its _FileHeader companion. */
export function isSecondaryLocationFileName(name: string): boolean {
  const file = basename(name).toLowerCase();
  return file.startsWith("pl_pfile_") && file.endsWith(".csv") && !file.includes("fileheader");
}

// 4 MiB reads: fewer round trips through the stream machinery per gigabyte (measured faster than 1 MiB).
export const CHUNK = 4 << 20;

async function startsLikeZip(path: string): Promise<boolean> {
  const file = await open(path, "r");
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await file.close();
  }
}

export async function openNppesSource(path: string): Promise<OpenedSource> {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, problem: `${path} is not a file` };
    size = stat.size;
  } catch {
    return { ok: false, problem: `cannot read ${path}` };
  }
  if (!(await startsLikeZip(path))) return { ok: true, source: { name: basename(path), size, path, stream: createReadStream(path, { highWaterMark: CHUNK }) } };
  return openFromZip(path);
}

/**
 * Streams the first entry of the zip that `wanted` accepts. The provider file
 * is looked for first; a zip holding only a pl_pfile yields that. Each call
 * opens the zip afresh, so the pl_pfile can be opened after the provider
 * file's stream is done, wherever the two sit in the archive.
 */
function openZipEntry(path: string, wanted: (name: string) => boolean): Promise<OpenedSource & { names?: string[] }> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return resolve({ ok: false, problem: `${basename(path)} is not a readable zip: ${error?.message ?? "unknown error"}` });
      const names: string[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (!wanted(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return resolve({ ok: false, problem: `cannot read ${entry.fileName}: ${streamError?.message ?? "unknown error"}` });
          resolve({ ok: true, source: { name: basename(entry.fileName), size: entry.uncompressedSize, stream } });
        });
      });
      zip.on("end", () => resolve({ ok: false, problem: "", names }));
      zip.on("error", (zipError: Error) => resolve({ ok: false, problem: `${basename(path)}: ${zipError.message}` }));
      zip.readEntry();
    });
  });
}

async function openFromZip(path: string): Promise<OpenedSource> {
  const providers = await openZipEntry(path, isProviderFileName);
  if (providers.ok) {
    const secondaryLocations = async () => {
      const opened = await openZipEntry(path, isSecondaryLocationFileName);
      if (opened.ok) return opened.source;
      if (opened.problem) throw new Error(opened.problem);
      return null;
    };
    return { ok: true, source: { ...providers.source, secondaryLocations } };
  }
  if (providers.problem) return providers;
  const locations = await openZipEntry(path, isSecondaryLocationFileName);
  if (locations.ok || locations.problem) return locations;
  const names = providers.names ?? [];
  return { ok: false, problem: `${basename(path)} has no npidata_pfile_….csv; it holds ${names.slice(0, 8).join(", ") || "nothing"}${names.length > 8 ? ", …" : ""}` };
}
