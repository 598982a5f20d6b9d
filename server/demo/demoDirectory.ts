/**
 * The demo's public directory: a dozen fictional acupuncturists around the
 * demo clinic's Portland ZIP (97202), so the finder at /find shows results on
 * first start. Loaded only into an empty directory (a real NPPES import is
 * never mixed with invented providers). NPIs are fictional with valid check
 * digits, in a 2999… range; phone numbers are 555-01xx.
 */
import { createHash } from "node:crypto";
import { npiCheckDigit, type Npi } from "../../domain/directory/npi.ts";
import { zip5, type DirectoryProvider } from "../../domain/directory/provider.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { directoryStatus, recordImport, upsertProviders, type PlacedProvider } from "../db/repositories/directoryProviders.ts";
import { placeZip } from "../directory/zipCentroids.ts";

/**
 * The demo clinic's own acupuncturist is listed too, under the NPI and licence
 * its Billing page gives him (demoCoverage.ts), so the page shows a match.
 */
export const DEMO_LISTED_STAFF = { name: "Sam Okafor", credential: "L.Ac.", npiBase: "160931847", licence: "AC-01736", zip: "97202" };

const PEOPLE: ReadonlyArray<[name: string, credential: string, zip: string, entity?: "organization"]> = [
  ["Lena Hart", "L.Ac., Dipl. Ac.", "97202"],
  ["Marcus Ito", "L.Ac.", "97214"],
  ["Rosa Delgado", "DAOM, L.Ac.", "97206"],
  ["Wei Zhang", "L.Ac., Dipl. O.M.", "97205"],
  ["Hawthorne Community Acupuncture (demo)", "", "97214", "organization"],
  ["Priya Raman", "MSOM, L.Ac.", "97217"],
  ["Tom Becker", "L.Ac.", "97225"],
  ["Sellwood Acupuncture Clinic (demo)", "", "97202", "organization"],
  ["Ana Souza", "L.Ac.", "97005"],
  ["Jonah Kim", "L.Ac.", "97035"],
  ["Grace Okafor", "L.Ac., Dipl. Ac.", "97222"],
  ["Hiro Tanaka", "L.Ac.", "98660"],
];

export async function loadDemoDirectory(db: Database): Promise<number> {
  if ((await directoryStatus(db)).providers > 0) return 0;
  const providers = PEOPLE.map(([name, credential, zip, entity], i) => {
    const base = String(299_900_100 + i);
    const state = zip.startsWith("986") ? "WA" : "OR";
    const provider: DirectoryProvider = {
      npi: `${base}${npiCheckDigit(base)}` as Npi,
      entity: entity ?? "individual",
      name,
      credential: credential || null,
      license: { number: entity ? null : `AC${String(1500 + i * 37).padStart(6, "0")}`, state, primary: true },
      licenses: [{ number: entity ? null : `AC${String(1500 + i * 37).padStart(6, "0")}`, state, primary: true }],
      practice: { line1: `${100 + i * 110} SE Demo St`, line2: null, city: state === "WA" ? "Vancouver" : "Portland", state, postalCode: zip, country: "US" },
      phone: `503555${String(100 + i).padStart(4, "0")}`,
      enumerationDate: "2012-03-01" as CalendarDate,
      lastUpdateDate: "2025-05-01" as CalendarDate,
    };
    return placed(provider);
  });
  const staff = DEMO_LISTED_STAFF;
  const licence = { number: staff.licence, state: "OR", primary: true };
  providers.push(
    placed({
      npi: `${staff.npiBase}${npiCheckDigit(staff.npiBase)}` as Npi,
      entity: "individual",
      name: staff.name,
      credential: staff.credential,
      license: licence,
      licenses: [licence],
      practice: { line1: "2417 SE Riverside Way, Suite 3", line2: null, city: "Portland", state: "OR", postalCode: staff.zip, country: "US" },
      phone: "5035550100",
      enumerationDate: "2015-09-14" as CalendarDate,
      lastUpdateDate: "2025-03-02" as CalendarDate,
    }),
  );
  await db.transaction(async (tx) => {
    await upsertProviders(tx, providers);
    await recordImport(tx, { fileName: "demo directory (fictional providers)", mode: "full", report: { demo: true, imported: providers.length } });
  });
  return providers.length;
}

export function placed(provider: DirectoryProvider): PlacedProvider {
  const where = placeZip(zip5(provider.practice.postalCode));
  return { provider, at: where.at, locationApproximate: where.approximate, recordHash: createHash("sha256").update(JSON.stringify(provider)).digest("base64url") };
}
