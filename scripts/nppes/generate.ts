/**
 * Writes a synthetic NPPES file (see syntheticNppes.ts), as CSV or inside a zip
 * named like CMS's monthly download.
 *
 *   node --import tsx scripts/nppes/generate.ts --rows 100000 --out /tmp/npidata_pfile_20050523-20250608.csv
 *   node --import tsx scripts/nppes/generate.ts --bytes 10.8e9 --out /tmp/big.csv      # stop at a size instead
 *   options: --share 0.003  --seed N  --crlf  --gender-header  --malformed N  --zip
 *   --pl-out FILE: also write a pl_pfile (secondary practice locations) for the
 *   file's NPIs (a third of the acupuncturists get 1–3, one row per 40th other
 *   NPI); with --zip the pl_pfile goes into the zip instead, as in CMS's release.
 *   --pl-malformed N: malformed pl_pfile rows (default 2).
 */
import { closeSync, createWriteStream, openSync, writeSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import yazl from "yazl";
import { ACUPUNCTURIST_TAXONOMY } from "../../domain/directory/nppesColumns.ts";
import { syntheticNppesLines, syntheticSecondaryLocationLines } from "./syntheticNppes.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string" },
    bytes: { type: "string" },
    out: { type: "string" },
    share: { type: "string" },
    seed: { type: "string" },
    crlf: { type: "boolean" },
    "gender-header": { type: "boolean" },
    malformed: { type: "string" },
    zip: { type: "boolean" },
    "pl-out": { type: "string" },
    "pl": { type: "boolean" },
    "pl-malformed": { type: "string" },
  },
});
if (!values.out || (!values.rows && !values.bytes)) {
  console.error("usage: generate.ts --out FILE (--rows N | --bytes N) [--share 0.003] [--seed N] [--crlf] [--gender-header] [--malformed N] [--zip [--pl]] [--pl-out FILE] [--pl-malformed N]");
  process.exit(2);
}
const maxBytes = values.bytes ? Number(values.bytes) : Infinity;
const generated = syntheticNppesLines({
  // With --bytes, rows are estimated (~1,160 bytes each, as in the real file) so malformed rows spread through it.
  rows: values.rows ? Number(values.rows) : Math.ceil((maxBytes / 1160) * 1.05),
  ...(values.share && { acupuncturistShare: Number(values.share) }),
  ...(values.seed && { seed: Number(values.seed) }),
  crlf: values.crlf ?? false,
  headerVariant: values["gender-header"] ? "gender" : "sex",
  malformed: Number(values.malformed ?? 3),
});

// The NPIs a pl_pfile can name, noted as the provider lines go by.
const acupuncturists: string[] = [];
const others: string[] = [];
function* noted(lines: Iterable<string>): Generator<string> {
  let n = 0;
  for (const line of lines) {
    if (n++ > 0) {
      if (line.includes(ACUPUNCTURIST_TAXONOMY)) acupuncturists.push(line.slice(1, 11));
      else if (n % 40 === 0) others.push(line.slice(1, 11));
    }
    yield line;
  }
}
const lines = noted(generated);
const wantsPl = Boolean(values["pl-out"]) || (values.zip && values.pl);
function* plLines(): Generator<string> {
  // Lazy: runs once the provider file is written, when the NPIs are known.
  yield* syntheticSecondaryLocationLines({
    acupuncturists, others, crlf: values.crlf ?? false, malformed: Number(values["pl-malformed"] ?? 2),
    ...(values.seed && { seed: Number(values.seed) + 1 }),
  });
}

let written = 0;
let rows = -1;
const started = Date.now();
if (values.zip) {
  const zip = new yazl.ZipFile();
  const { Readable } = await import("node:stream");
  const csvName = basename(values.out).replace(/\.zip$/i, ".csv").replace(/^NPPES_Data_Dissemination.*$/i, "npidata_pfile_20050523-20250608.csv");
  zip.addReadStream(Readable.from(lines), csvName);
  zip.addBuffer(Buffer.from("NPI,...\n"), "npidata_pfile_20050523-20250608_FileHeader.csv");
  if (wantsPl) {
    zip.addReadStream(Readable.from(plLines()), csvName.replace(/^npidata_pfile_/i, "pl_pfile_"));
    zip.addBuffer(Buffer.from("NPI,...\n"), "pl_pfile_20050523-20250608_FileHeader.csv");
  }
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(values.out!)).on("close", resolve).on("error", reject));
  console.log(`wrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  const fd = openSync(values.out, "w");
  let batch: string[] = [];
  let batchBytes = 0;
  for (const line of lines) {
    batch.push(line);
    batchBytes += line.length;
    rows++;
    if (batchBytes > 8 << 20) {
      written += writeSync(fd, batch.join(""));
      batch = [];
      batchBytes = 0;
      if (written >= maxBytes) break;
    }
  }
  if (batch.length) written += writeSync(fd, batch.join(""));
  closeSync(fd);
  if (values["pl-out"]) {
    const pl = openSync(values["pl-out"], "w");
    for (const line of plLines()) writeSync(pl, line);
    closeSync(pl);
    console.log(`wrote ${values["pl-out"]}: secondary locations for ${acupuncturists.length} acupuncturists' NPIs and ${others.length} others`);
  }
  console.log(`wrote ${values.out}: ${rows.toLocaleString("en-US")} rows, ${(written / 1e9).toFixed(2)} GB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
