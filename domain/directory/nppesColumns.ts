/**
 * The NPPES data dissemination file's columns that the directory reads, found
 * by header name, never by position (CMS renamed column 41 from "Provider
 * Gender Code" to "Provider Sex Code" in 2025 and may move others).
 * Names: the June 2025 V2 header (shared/reference/nppes/npidata_pfile_header.csv).
 */

/** NUCC Health Care Provider Taxonomy code 171100000X: Acupuncturist (individuals and organisations). */
export const ACUPUNCTURIST_TAXONOMY = "171100000X";

/** The monthly and weekly files carry 15 taxonomy slots, each with its licence and primary switch. */
export const TAXONOMY_SLOTS = 15;

const SINGLE = {
  npi: ["NPI"],
  entityType: ["Entity Type Code"],
  organizationName: ["Provider Organization Name (Legal Business Name)"],
  familyName: ["Provider Last Name (Legal Name)"],
  givenName: ["Provider First Name"],
  middleName: ["Provider Middle Name"],
  namePrefix: ["Provider Name Prefix Text"],
  nameSuffix: ["Provider Name Suffix Text"],
  credential: ["Provider Credential Text"],
  line1: ["Provider First Line Business Practice Location Address"],
  line2: ["Provider Second Line Business Practice Location Address"],
  city: ["Provider Business Practice Location Address City Name"],
  state: ["Provider Business Practice Location Address State Name"],
  postalCode: ["Provider Business Practice Location Address Postal Code"],
  country: ["Provider Business Practice Location Address Country Code (If outside U.S.)"],
  phone: ["Provider Business Practice Location Address Telephone Number"],
  enumerationDate: ["Provider Enumeration Date"],
  lastUpdateDate: ["Last Update Date"],
  deactivationDate: ["NPI Deactivation Date"],
  reactivationDate: ["NPI Reactivation Date"],
  // Not shown in the directory; required so that a header of either era is recognised as NPPES.
  sex: ["Provider Sex Code", "Provider Gender Code"],
} as const;

export type SingleColumn = keyof typeof SINGLE;

export interface TaxonomySlotColumns {
  code: number;
  licenseNumber: number;
  licenseState: number;
  primarySwitch: number;
}

export interface NppesColumns {
  /** How many fields every row has. */
  width: number;
  index: Record<SingleColumn, number>;
  slots: TaxonomySlotColumns[];
}

export type ColumnLookup = { ok: true; columns: NppesColumns } | { ok: false; missing: string[] };

const normalise = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/** Finds each column the directory needs; a file missing any is not an NPPES file (or is a truncated one). */
export function findNppesColumns(header: readonly string[]): ColumnLookup {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normalise(name);
    if (!positions.has(key)) positions.set(key, i);
  });
  const missing: string[] = [];
  const find = (names: readonly string[]): number => {
    for (const name of names) {
      const at = positions.get(normalise(name));
      if (at !== undefined) return at;
    }
    missing.push(names.join(" or "));
    return -1;
  };
  const index = Object.fromEntries(Object.entries(SINGLE).map(([key, names]) => [key, find(names)])) as Record<SingleColumn, number>;
  const slots: TaxonomySlotColumns[] = [];
  for (let n = 1; n <= TAXONOMY_SLOTS; n++) {
    slots.push({
      code: find([`Healthcare Provider Taxonomy Code_${n}`]),
      licenseNumber: find([`Provider License Number_${n}`]),
      licenseState: find([`Provider License Number State Code_${n}`]),
      primarySwitch: find([`Healthcare Provider Primary Taxonomy Switch_${n}`]),
    });
  }
  if (missing.length) return { ok: false, missing };
  return { ok: true, columns: { width: header.length, index, slots } };
}
