/** The NPPES importer on small files from the synthetic generator and hand-made edge cases. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, beforeEach, describe, it } from "node:test";
import yazl from "yazl";
import {
  acupuncturistValues, nppesHeaderLine, nppesLine, slot, syntheticNpi, syntheticNppesLines,
} from "../../../scripts/nppes/syntheticNppes.ts";
import type { Database } from "../../db/database.ts";
import { openTestDatabase, type TestDatabase } from "../../testing/testDatabase.ts";
import { importNppes, modeOfFileName, parseLine } from "./nppesImport.ts";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { openNppesSource, type NppesSource } from "./nppesSource.ts";

const WEEKLY = "npidata_pfile_20250602-20250608.csv";
const FULL = "npidata_pfile_20050523-20250608.csv";
const A = syntheticNpi(900_000_001);
const B = syntheticNpi(900_000_002);
const C = syntheticNpi(900_000_003);
const OTHER = syntheticNpi(900_000_004);

function source(text: string | string[], name = WEEKLY, chunk = 97): NppesSource {
  const bytes = Buffer.from(Array.isArray(text) ? text.join("") : text);
  // Small chunks so that lines cross chunk boundaries, as they do in the real file.
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  return { name, size: bytes.length, stream: Readable.from(pieces) };
}

async function run(db: Database, lines: string[], name = WEEKLY) {
  const outcome = await importNppes(db, source(lines, name));
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.detail}`);
  return outcome.value;
}

const npis = async (db: Database) => (await db.query<{ npi: string }>("select npi from directory_providers order by npi")).map((r) => r.npi);

describe("NPPES import", () => {
  let t: TestDatabase;
  let dir: string;
  before(async () => {
    t = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), "acuback-nppes-"));
  });
  after(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await t.db.query("delete from directory_providers");
  });

  it("keeps the taxonomy in slot 1 and in slot 15, with that slot's licence, and skips other providers", async () => {
    const header = nppesHeaderLine();
    const report = await run(t.db, [
      header,
      nppesLine(acupuncturistValues(A, {}, 1)),
      nppesLine(acupuncturistValues(B, { [slot(15).license]: "CA-AC 12345", [slot(15).state]: "CA", [slot(15).primary]: "N" }, 15)),
      nppesLine({ NPI: OTHER, "Entity Type Code": "1", [slot(1).code]: "207Q00000X" }),
    ]);
    assert.deepEqual(await npis(t.db), [A, B].sort());
    assert.equal(report.rowsRead, 3);
    assert.equal(report.matched, 2);
    assert.equal(report.imported, 2);
    const [b] = await t.db.query<{ license_number: string; license_state: string; primary_taxonomy: boolean }>("select * from directory_providers where npi = $1", [B]);
    assert.deepEqual([b!.license_number, b!.license_state, b!.primary_taxonomy], ["CA-AC 12345", "CA", false]);
  });

  it("with several taxonomies keeps every acupuncturist licence and shows the primary one first", async () => {
    await run(t.db, [
      nppesHeaderLine(),
      nppesLine(acupuncturistValues(A, {
        [slot(1).code]: "207Q00000X", [slot(1).primary]: "N", [slot(2).primary]: "N",
        [slot(3).code]: "171100000X", [slot(3).license]: "OR-1", [slot(3).state]: "OR", [slot(3).primary]: "N",
        [slot(7).code]: "171100000X", [slot(7).license]: "WA-7", [slot(7).state]: "WA", [slot(7).primary]: "Y",
      }, 2)),
    ]);
    const [row] = await t.db.query<{ license_number: string; licenses: unknown }>("select license_number, licenses from directory_providers");
    assert.equal(row!.license_number, "WA-7");
    const licenses = typeof row!.licenses === "string" ? JSON.parse(row!.licenses) : row!.licenses;
    assert.deepEqual(licenses.map((l: { number: string }) => l.number), ["AC60012345", "OR-1", "WA-7"], "slots 2, 3 and 7 in order");
  });

  it("removes a deactivated NPI and keeps a reactivated one", async () => {
    await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(A)), nppesLine(acupuncturistValues(B))]);
    const report = await run(t.db, [
      nppesHeaderLine(),
      // CMS blanks a deactivated NPI's fields, taxonomy included: only the NPI and the date remain.
      nppesLine({ NPI: A, "NPI Deactivation Date": "02/01/2025" }),
      nppesLine(acupuncturistValues(B, { "NPI Deactivation Date": "03/01/2020", "NPI Reactivation Date": "04/01/2021", "Last Update Date": "04/01/2025" })),
    ]);
    assert.deepEqual(await npis(t.db), [B]);
    assert.equal(report.removed, 1);
    assert.equal(report.removedBy.deactivated, 1);
    assert.equal(report.updated, 1);
  });

  it("reads both header variants (Provider Sex Code, Provider Gender Code) and CRLF line endings", async () => {
    await run(t.db, [nppesHeaderLine("gender", "\r\n"), nppesLine(acupuncturistValues(A), "\r\n"), nppesLine(acupuncturistValues(B), "\r\n")]);
    assert.deepEqual(await npis(t.db), [A, B].sort());
    const [row] = await t.db.query<{ city: string; phone: string }>("select city, phone from directory_providers where npi = $1", [A]);
    assert.deepEqual([row!.city, row!.phone], ["SEATTLE", "2065550100"], "no stray carriage return");
  });

  it("reads quoted values with commas and CMS's single quotes", async () => {
    await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(A, { "Provider Organization Name (Legal Business Name)": 'O"BRIEN, WELLNESS, LLC', "Entity Type Code": "2" }))]);
    const [row] = await t.db.query<{ name: string; entity: string }>("select name, entity from directory_providers");
    assert.deepEqual([row!.name, row!.entity], ["O'BRIEN, WELLNESS, LLC", "organization"]);
  });

  it("reports malformed rows with their line numbers, skips them and imports the rest", async () => {
    const good = nppesLine(acupuncturistValues(A));
    const report = await run(t.db, [
      nppesHeaderLine(),
      nppesLine(acupuncturistValues(B)).replace('"",', ""), // line 2: a field lost
      good, // line 3
      nppesLine(acupuncturistValues(C)).replace(`"${C}"`, `"${C}"x"`), // line 4: a stray quote
      nppesLine(acupuncturistValues("1234567890")), // line 5: bad check digit
      nppesLine(acupuncturistValues(syntheticNpi(900_000_009), { "Last Update Date": "2024-01-15" })), // line 6
    ]);
    assert.deepEqual(await npis(t.db), [A]);
    assert.deepEqual(report.malformed.rows.map((m) => m.line), [2, 4, 5, 6]);
    assert.match(report.malformed.rows[0]!.reason, /329 fields, the header has 330/);
    assert.match(report.malformed.rows[1]!.reason, /not valid CSV/);
    assert.match(report.malformed.rows[2]!.reason, /check digit/);
    assert.match(report.malformed.rows[3]!.reason, /MM\/DD\/YYYY/);
  });

  it("refuses a file that is not NPPES at once, naming the missing columns, and changes nothing", async () => {
    await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(A))]);
    const outcome = await importNppes(t.db, source(["name,zip,phone\n", "Sam,98101,555\n"]));
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok && outcome.code === "NPPES_FILE_NOT_RECOGNISED");
    assert.match(!outcome.ok ? outcome.detail! : "", /missing NPI; Entity Type Code;/);
    assert.deepEqual(await npis(t.db), [A]);
  });

  it("re-running the same file changes nothing", async () => {
    const lines = [...syntheticNppesLines({ rows: 3000, acupuncturistShare: 0.05, seed: 7 })];
    const first = await run(t.db, lines, FULL);
    assert.ok(first.imported > 100, String(first.imported));
    const snapshot = await t.db.query("select * from directory_providers order by npi");
    const again = await run(t.db, lines, FULL);
    assert.deepEqual([again.imported, again.updated, again.removed, again.skipped.unchanged], [0, 0, 0, first.imported]);
    assert.deepEqual(await t.db.query("select * from directory_providers order by npi"), snapshot);
  });

  it("weekly files upsert only when the last-update date is not older than the stored one", async () => {
    await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(A, { "Last Update Date": "03/01/2025", "Provider First Line Business Practice Location Address": "NEW ST" }))]);
    const older = await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(A, { "Last Update Date": "02/01/2025", "Provider First Line Business Practice Location Address": "OLD ST" }))]);
    assert.equal(older.skipped.olderThanStored, 1);
    const same = await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(A, { "Last Update Date": "03/01/2025", "Provider First Line Business Practice Location Address": "SAME DAY ST" }))]);
    assert.equal(same.updated, 1, "the same date is not older");
    const [row] = await t.db.query<{ line1: string; last_update_date: string }>("select line1, last_update_date from directory_providers");
    assert.deepEqual([row!.line1, row!.last_update_date], ["SAME DAY ST", "2025-03-01"]);
  });

  it("a provider who drops the taxonomy is removed; a full file removes providers it no longer lists", async () => {
    await run(t.db, [nppesHeaderLine(), ...[A, B, C].map((npi) => nppesLine(acupuncturistValues(npi)))]);
    const weekly = await run(t.db, [nppesHeaderLine(), nppesLine({ ...acupuncturistValues(A), [slot(1).code]: "225100000X" })]);
    assert.equal(weekly.removedBy.taxonomyDropped, 1);
    assert.deepEqual(await npis(t.db), [B, C].sort());
    const full = await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(B))], FULL);
    assert.equal(full.removedBy.absentFromFullFile, 1);
    assert.deepEqual(await npis(t.db), [B]);
  });

  it("an import that fails part-way leaves the previous directory as it was", async () => {
    await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(A))]);
    const failing: NppesSource = {
      name: FULL,
      size: 1e6,
      stream: Readable.from(
        (async function* () {
          yield Buffer.from(nppesHeaderLine());
          for (let i = 0; i < 1200; i++) yield Buffer.from(nppesLine(acupuncturistValues(syntheticNpi(910_000_000 + i))));
          throw new Error("disk read error");
        })(),
      ),
    };
    await assert.rejects(importNppes(t.db, failing), /disk read error/);
    assert.deepEqual(await npis(t.db), [A]);
  });

  it("marks providers whose ZIP has no centroid as location approximate, placed at their ZIP3 area", async () => {
    const report = await run(t.db, [nppesHeaderLine(), nppesLine(acupuncturistValues(A, { "Provider Business Practice Location Address Postal Code": "981110001" }))]);
    assert.equal(report.locationApproximate, 1);
    const [row] = await t.db.query<{ location_approximate: boolean; latitude: number }>("select location_approximate, latitude from directory_providers");
    assert.equal(row!.location_approximate, true);
    assert.ok(Math.abs(row!.latitude - 47.6) < 1, "Seattle's 981 area");
  });

  it("streams the provider file out of a zip (ZIP64, header file in other case) and picks it by name", async () => {
    const zipPath = join(dir, "NPPES_Data_Dissemination_June_2025_V2.zip");
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from("NPI\n"), "NPIDATA_PFILE_20050523-20250608_FILEHEADER.CSV");
    zip.addBuffer(Buffer.from([nppesHeaderLine(), nppesLine(acupuncturistValues(A))].join("")), "NPIDATA_PFILE_20050523-20250608.CSV", { forceZip64Format: true });
    zip.addBuffer(Buffer.from("pdf"), "NPPES_Data_Dissemination_Readme.pdf");
    zip.end({ forceZip64Format: true, comment: "" });
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    writeFileSync(zipPath, Buffer.concat(chunks));
    const opened = await openNppesSource(zipPath);
    assert.ok(opened.ok, !opened.ok ? opened.problem : "");
    assert.equal(opened.source.name, "NPIDATA_PFILE_20050523-20250608.CSV");
    const outcome = await importNppes(t.db, opened.source);
    assert.ok(outcome.ok);
    assert.equal(outcome.value.mode, "full");
    assert.deepEqual(await npis(t.db), [A]);

    const empty = join(dir, "other.zip");
    const other = new yazl.ZipFile();
    other.addBuffer(Buffer.from("x"), "readme.txt");
    other.end();
    const parts: Buffer[] = [];
    for await (const chunk of other.outputStream) parts.push(chunk as Buffer);
    writeFileSync(empty, Buffer.concat(parts));
    const refused = await openNppesSource(empty);
    assert.ok(!refused.ok && /has no npidata_pfile_….csv; it holds readme.txt/.test(refused.problem));
  });

  it("splits rows in CMS's form exactly as csv-parse reads them, and leaves every other row to csv-parse", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "1", ",", " ", "'", "é", "X", "\\") });
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 12 }), (fields) => {
        const line = Buffer.from(`"${fields.join('","')}"`);
        assert.deepEqual(parseLine(line), fields);
        assert.deepEqual(parseLine(line), parse(line, { relax_column_count: true })[0]);
      }),
    );
    assert.deepEqual(parseLine(Buffer.from('1,"a,b",c')), ["1", "a,b", "c"], "unquoted fields go to csv-parse");
    assert.deepEqual(parseLine(Buffer.from('"a ""quoted"" word","b"')), ['a "quoted" word', "b"], "doubled quotes go to csv-parse");
    assert.match(String(parseLine(Buffer.from('"12"x","b"'))), /not valid CSV/);
  });

  it("scans a plain file on a worker thread with the same results: line numbers, watched NPIs, deactivations", async () => {
    const path = join(dir, WEEKLY);
    writeFileSync(path, [nppesHeaderLine(), nppesLine(acupuncturistValues(A)), nppesLine(acupuncturistValues(B)).replace('"",', "")].join(""));
    const first = await openNppesSource(path);
    assert.ok(first.ok && first.source.path === path);
    const report = await importNppes(t.db, first.source);
    assert.ok(report.ok);
    assert.deepEqual(report.value.malformed.rows.map((m) => m.line), [3]);
    writeFileSync(path, [nppesHeaderLine(), nppesLine({ NPI: A, "NPI Deactivation Date": "02/01/2025" })].join(""));
    const second = await openNppesSource(path);
    assert.ok(second.ok);
    const removed = await importNppes(t.db, second.source);
    assert.ok(removed.ok && removed.value.removedBy.deactivated === 1 && removed.value.rowsRead === 1);
    assert.deepEqual(await npis(t.db), []);
  });

  it("tells the monthly full file from a weekly one by its name", () => {
    assert.equal(modeOfFileName("npidata_pfile_20050523-20250608.csv"), "full");
    assert.equal(modeOfFileName("npidata_pfile_20250602-20250608.csv"), "weekly");
  });
});
