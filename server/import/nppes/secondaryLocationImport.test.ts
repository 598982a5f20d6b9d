/** The pl_pfile pass: secondary practice locations of providers already in the directory. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, beforeEach, describe, it } from "node:test";
import yazl from "yazl";
import {
  acupuncturistValues, nppesHeaderLine, nppesLine, secondaryLocationHeaderLine, secondaryLocationLine, secondaryLocationValues, syntheticNpi,
  syntheticNppesLines, syntheticSecondaryLocationLines,
} from "../../../scripts/nppes/syntheticNppes.ts";
import { SECONDARY_LOCATION_HEADER } from "../../../domain/directory/secondaryLocations.ts";
import type { Database } from "../../db/database.ts";
import { openTestDatabase, type TestDatabase } from "../../testing/testDatabase.ts";
import { importNppes } from "./nppesImport.ts";
import { openNppesSource, type NppesSource } from "./nppesSource.ts";

const A = syntheticNpi(910_000_001);
const B = syntheticNpi(910_000_002);
const NOT_AN_ACUPUNCTURIST = syntheticNpi(910_000_003);
const LINE1 = "Provider Secondary Practice Location Address- Address Line 1";
const WEEKLY_PL = "pl_pfile_20250602-20250608.csv";
const FULL_PL = "pl_pfile_20050523-20250608.csv";

const source = (lines: string[], name: string): NppesSource => {
  const bytes = Buffer.from(lines.join(""));
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 97) pieces.push(bytes.subarray(i, i + 97));
  return { name, size: bytes.length, stream: Readable.from(pieces) };
};
const locations = async (db: Database) =>
  (await db.query<{ npi: string; position: number; line1: string }>("select npi, position, line1 from directory_secondary_locations order by npi, position")).map((r) => [r.npi, Number(r.position), r.line1]);

describe("NPPES import: secondary practice locations (pl_pfile)", () => {
  let t: TestDatabase;
  let dir: string;
  before(async () => {
    t = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), "acuback-pl-"));
  });
  after(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await t.db.query("delete from directory_providers");
    const outcome = await importNppes(t.db, source([nppesHeaderLine(), nppesLine(acupuncturistValues(A)), nppesLine(acupuncturistValues(B))], "npidata_pfile_20250602-20250608.csv"));
    assert.ok(outcome.ok);
  });

  it("stores the rows of providers in the directory in file order, skips and counts other NPIs, and reports malformed rows with their line numbers", async () => {
    const path = join(dir, WEEKLY_PL);
    writeFileSync(path, [
      secondaryLocationHeaderLine(),
      secondaryLocationLine(secondaryLocationValues(A, { [LINE1]: "1 FIRST AVE" })),
      secondaryLocationLine(secondaryLocationValues(NOT_AN_ACUPUNCTURIST)),
      secondaryLocationLine(secondaryLocationValues(B, { [LINE1]: "3 THIRD AVE" })),
      secondaryLocationLine(secondaryLocationValues(A)).replace('","', '",'), // line 5: a quote gone
      secondaryLocationLine(secondaryLocationValues(A, { [LINE1]: "" })), // line 6: no address
      secondaryLocationLine(secondaryLocationValues(A, { [LINE1]: "7 SEVENTH AVE" })),
    ].join(""));
    const opened = await openNppesSource(path);
    assert.ok(opened.ok);
    const outcome = await importNppes(t.db, opened.source);
    assert.ok(outcome.ok, outcome.ok ? "" : outcome.detail);
    const r = outcome.value;
    assert.deepEqual(r.secondaryLocations && { ...r.secondaryLocations }, {
      file: WEEKLY_PL, rowsRead: 6, locations: 3, providers: 2, unknownNpi: 1, cleared: 0, locationApproximate: 0, malformed: 2,
    });
    assert.deepEqual(r.malformed.rows.map((m) => m.line), [5, 6]);
    assert.equal(r.imported + r.updated + r.removed, 0);
    assert.deepEqual(await locations(t.db), [[A, 1, "1 FIRST AVE"], [A, 2, "7 SEVENTH AVE"], [B, 1, "3 THIRD AVE"]]);
  });

  it("replaces the listed providers' locations on each import; a full file also clears the unlisted; removing a provider removes its locations", async () => {
    const pl = (name: string, rows: [string, string][]) => source([secondaryLocationHeaderLine(), ...rows.map(([npi, line1]) => secondaryLocationLine(secondaryLocationValues(npi, { [LINE1]: line1 })))], name);
    assert.ok((await importNppes(t.db, pl(WEEKLY_PL, [[A, "OLD A"], [B, "OLD B"]]))).ok);
    const weekly = await importNppes(t.db, pl(WEEKLY_PL, [[A, "NEW A 1"], [A, "NEW A 2"]]));
    assert.ok(weekly.ok && weekly.value.secondaryLocations?.cleared === 0);
    assert.deepEqual(await locations(t.db), [[A, 1, "NEW A 1"], [A, 2, "NEW A 2"], [B, 1, "OLD B"]]);
    const again = await importNppes(t.db, pl(WEEKLY_PL, [[A, "NEW A 1"], [A, "NEW A 2"]]));
    assert.ok(again.ok);
    assert.deepEqual(await locations(t.db), [[A, 1, "NEW A 1"], [A, 2, "NEW A 2"], [B, 1, "OLD B"]]);
    const full = await importNppes(t.db, pl(FULL_PL, [[A, "ONLY A"]]));
    assert.ok(full.ok && full.value.mode === "full" && full.value.secondaryLocations?.cleared === 1);
    assert.deepEqual(await locations(t.db), [[A, 1, "ONLY A"]]);
    const deactivated = await importNppes(t.db, source([nppesHeaderLine(), nppesLine({ NPI: A, "NPI Deactivation Date": "02/01/2025" })], "npidata_pfile_20250609-20250615.csv"));
    assert.ok(deactivated.ok && deactivated.value.removedBy.deactivated === 1);
    assert.deepEqual(await locations(t.db), []);
  });

  it("reads the pl_pfile from the monthly zip with the provider file, in one report, whatever the entries' order and case", async () => {
    const lines = [...syntheticNppesLines({ rows: 3000, acupuncturistShare: 0.05, malformed: 0, seed: 11 })];
    const acupuncturists = lines.slice(1).filter((l) => l.includes("171100000X")).map((l) => l.slice(1, 11));
    const others = lines.slice(1, 200).filter((l) => !l.includes("171100000X")).map((l) => l.slice(1, 11));
    const plLines = [...syntheticSecondaryLocationLines({ acupuncturists, others, malformed: 2, seed: 12 })];
    const zipPath = join(dir, "NPPES_Data_Dissemination_June_2025_V2.zip");
    const zip = new yazl.ZipFile();
    // The pl_pfile first: the importer must still read the provider file first.
    zip.addBuffer(Buffer.from(plLines.join("")), "PL_PFILE_20050523-20250608.CSV");
    zip.addBuffer(Buffer.from("NPI\n"), "pl_pfile_20050523-20250608_FileHeader.csv");
    zip.addBuffer(Buffer.from(lines.join("")), "npidata_pfile_20050523-20250608.csv", { forceZip64Format: true });
    zip.addBuffer(Buffer.from("NPI\n"), "npidata_pfile_20050523-20250608_fileheader.csv");
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    writeFileSync(zipPath, Buffer.concat(chunks));
    const opened = await openNppesSource(zipPath);
    assert.ok(opened.ok);
    const outcome = await importNppes(t.db, opened.source);
    assert.ok(outcome.ok, outcome.ok ? "" : outcome.detail);
    const r = outcome.value;
    const s = r.secondaryLocations!;
    assert.equal(s.file, "PL_PFILE_20050523-20250608.CSV");
    assert.equal(s.rowsRead, plLines.length - 1);
    const stored = await locations(t.db);
    assert.ok(s.locations > 5 && stored.length === s.locations);
    assert.equal(s.unknownNpi, others.length);
    assert.equal(s.malformed, 2);
    const plMalformed = r.malformed.rows.filter((m) => m.file === s.file);
    assert.equal(plMalformed.length, 2);
    for (const m of plMalformed) assert.ok(/"x"|",[^"]/.test(plLines[m.line - 1]!), `line ${m.line} is one of the damaged rows`);
    // Full release: A and B (not in this file) left the directory, and every stored location belongs to a stored provider.
    const providers = new Set((await t.db.query<{ npi: string }>("select npi from directory_providers")).map((p) => p.npi));
    assert.ok(!providers.has(A) && stored.every(([npi]) => providers.has(npi as string)));
  });

  it("refuses a pl_pfile that lacks a column the directory reads, naming it, and changes nothing", async () => {
    assert.ok((await importNppes(t.db, source([secondaryLocationHeaderLine(), secondaryLocationLine(secondaryLocationValues(A))], WEEKLY_PL))).ok);
    const header = SECONDARY_LOCATION_HEADER.filter((name) => !name.includes("State Name"));
    const outcome = await importNppes(t.db, source([`"${header.join('","')}"\n`, `"${A}","X","","CITY","98101","US","","",""\n`], WEEKLY_PL));
    assert.ok(!outcome.ok);
    assert.match(outcome.ok ? "" : String(outcome.detail), /State Name/);
    assert.equal((await locations(t.db)).length, 1);
  });
});
