/**
 * One row of the NPPES file read as the directory needs it. Format facts from
 * CMS's NPPES Data Dissemination Readme (shared/reference/nppes/README.md):
 * dates are MM/DD/YYYY; entity type 1 is an individual, 2 an organisation;
 * a deactivated NPI keeps its row with "NPI Deactivation Date" set and most
 * fields blank, and is active again when "NPI Reactivation Date" is on or after it.
 */
import type { CalendarDate } from "../shared/calendarDate.ts";
import { isValidNpi, type Npi } from "./npi.ts";
import { ACUPUNCTURIST_TAXONOMY, type NppesColumns } from "./nppesColumns.ts";
import type { DirectoryProvider, TaxonomyLicense } from "./provider.ts";

export type NppesRow =
  | { kind: "provider"; provider: DirectoryProvider }
  /** Deactivated and not reactivated: removed from the directory. */
  | { kind: "deactivated"; npi: Npi }
  /** An active NPI without the acupuncturist taxonomy (e.g. a provider who dropped it). */
  | { kind: "not-acupuncturist"; npi: Npi }
  | { kind: "malformed"; reason: string };

/** `MM/DD/YYYY` → `YYYY-MM-DD`; "" → null; anything else → undefined (malformed). */
export function nppesDate(text: string): CalendarDate | null | undefined {
  if (text === "") return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) return undefined;
  const [, mm, dd, yyyy] = m;
  const date = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return undefined;
  return `${yyyy}-${mm}-${dd}` as CalendarDate;
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** Reads one row's fields (already split by the CSV parser) against the header's columns. */
export function readNppesRow(fields: readonly string[], columns: NppesColumns): NppesRow {
  if (fields.length !== columns.width) return { kind: "malformed", reason: `${fields.length} fields, the header has ${columns.width}` };
  const get = (name: keyof NppesColumns["index"]) => fields[columns.index[name]]!;
  const npi = get("npi");
  if (!isValidNpi(npi)) return { kind: "malformed", reason: `NPI "${npi.slice(0, 12)}" is not 10 digits with a valid check digit` };

  const dates = {
    enumeration: nppesDate(get("enumerationDate")),
    lastUpdate: nppesDate(get("lastUpdateDate")),
    deactivation: nppesDate(get("deactivationDate")),
    reactivation: nppesDate(get("reactivationDate")),
  };
  for (const [which, value] of Object.entries(dates)) {
    if (value === undefined) return { kind: "malformed", reason: `${which} date is not MM/DD/YYYY` };
  }
  if (dates.deactivation && !(dates.reactivation && dates.reactivation >= dates.deactivation)) return { kind: "deactivated", npi };

  const licenses: TaxonomyLicense[] = [];
  for (const slot of columns.slots) {
    if (fields[slot.code] !== ACUPUNCTURIST_TAXONOMY) continue;
    licenses.push({ number: orNull(fields[slot.licenseNumber]!), state: orNull(fields[slot.licenseState]!), primary: fields[slot.primarySwitch] === "Y" });
  }
  if (licenses.length === 0) return { kind: "not-acupuncturist", npi };

  const entityCode = get("entityType");
  if (entityCode !== "1" && entityCode !== "2") return { kind: "malformed", reason: `entity type "${entityCode.slice(0, 4)}" is neither 1 nor 2` };
  const entity = entityCode === "1" ? "individual" : "organization";
  const name =
    entity === "organization"
      ? get("organizationName").trim()
      : [get("namePrefix"), get("givenName"), get("middleName"), get("familyName"), get("nameSuffix")].map((p) => p.trim()).filter(Boolean).join(" ");
  if (!name) return { kind: "malformed", reason: "no provider name" };
  const line1 = get("line1").trim();
  const city = get("city").trim();
  if (!line1 || !city) return { kind: "malformed", reason: "no practice location address" };

  return {
    kind: "provider",
    provider: {
      npi,
      entity,
      name,
      credential: orNull(get("credential")),
      license: licenses.find((l) => l.primary) ?? licenses[0]!,
      licenses,
      practice: {
        line1,
        line2: orNull(get("line2")),
        city,
        state: orNull(get("state")),
        postalCode: /^\d{5}(\d{4})?$/.test(get("postalCode")) ? get("postalCode") : orNull(get("postalCode")),
        country: orNull(get("country")),
      },
      phone: orNull(get("phone")),
      enumerationDate: dates.enumeration ?? null,
      lastUpdateDate: dates.lastUpdate ?? null,
    },
  };
}
