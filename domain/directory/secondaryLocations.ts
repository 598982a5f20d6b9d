/**
 * CMS's pl_pfile: one row per secondary practice location an NPI registered,
 * shipped in the monthly NPPES zip beside npidata_pfile (~99 MB in June 2025).
 * Column names exactly as in the June 2025 V2 file, from the column list that
 * CMS's Digital Service recorded from it (DSACMS/npd_Puffin,
 * nppes_pl/pl_pfile_20050523-20250608.metadata.json: file of 98,787,747
 * bytes, 10 columns). Note the irregular spacing: "Address- Address Line 1",
 * "Address-  Address Line 2" (two spaces), "Address - City Name". Names are
 * compared with runs of spaces folded, so either spacing is accepted.
 * Encoding as npidata_pfile: every value quoted, comma separated.
 */
import { isValidNpi, type Npi } from "./npi.ts";
import type { PracticeLocation } from "./provider.ts";

const COLUMNS = {
  npi: "NPI",
  line1: "Provider Secondary Practice Location Address- Address Line 1",
  line2: "Provider Secondary Practice Location Address-  Address Line 2",
  city: "Provider Secondary Practice Location Address - City Name",
  state: "Provider Secondary Practice Location Address - State Name",
  postalCode: "Provider Secondary Practice Location Address - Postal Code",
  country: "Provider Secondary Practice Location Address - Country Code (If outside U.S.)",
  phone: "Provider Secondary Practice Location Address - Telephone Number",
} as const;

/** The header in CMS's order (the two columns the directory does not read included), for generators and tests. */
export const SECONDARY_LOCATION_HEADER: readonly string[] = [
  ...Object.values(COLUMNS),
  "Provider Secondary Practice Location Address - Telephone Extension",
  "Provider Practice Location Address - Fax Number",
];

export interface SecondaryLocationColumns {
  width: number;
  index: Record<keyof typeof COLUMNS, number>;
}

const normalise = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/** Finds the columns by name; a header without them is not a pl_pfile. */
export function findSecondaryLocationColumns(header: readonly string[]): { ok: true; columns: SecondaryLocationColumns } | { ok: false; missing: string[] } {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    if (!positions.has(normalise(name))) positions.set(normalise(name), i);
  });
  const missing: string[] = [];
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, name]) => {
      const at = positions.get(normalise(name));
      if (at === undefined) missing.push(name);
      return [key, at ?? -1];
    }),
  ) as Record<keyof typeof COLUMNS, number>;
  return missing.length ? { ok: false, missing } : { ok: true, columns: { width: header.length, index } };
}

/** A header that names the secondary-location address columns: the file is a pl_pfile. */
export function isSecondaryLocationHeader(header: readonly string[]): boolean {
  const names = new Set(header.map(normalise));
  return names.has(normalise(COLUMNS.line1)) && names.has(normalise(COLUMNS.city));
}

export interface SecondaryLocation extends PracticeLocation {
  phone: string | null;
}

export type SecondaryLocationRow = { kind: "location"; npi: Npi; location: SecondaryLocation } | { kind: "malformed"; reason: string };

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

export function readSecondaryLocationRow(fields: readonly string[], columns: SecondaryLocationColumns): SecondaryLocationRow {
  if (fields.length !== columns.width) return { kind: "malformed", reason: `${fields.length} fields, the header has ${columns.width}` };
  const get = (name: keyof typeof COLUMNS) => fields[columns.index[name]]!;
  const npi = get("npi");
  if (!isValidNpi(npi)) return { kind: "malformed", reason: `NPI "${npi.slice(0, 12)}" is not 10 digits with a valid check digit` };
  const line1 = get("line1").trim();
  const city = get("city").trim();
  if (!line1 || !city) return { kind: "malformed", reason: "no address line or city" };
  const postal = get("postalCode").trim();
  return {
    kind: "location",
    npi,
    location: {
      line1,
      line2: orNull(get("line2")),
      city,
      state: orNull(get("state")),
      postalCode: postal === "" ? null : postal,
      country: orNull(get("country")),
      phone: orNull(get("phone")),
    },
  };
}
