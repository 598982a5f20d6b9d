/**
 * The demo clinic's referral contacts: two fictional providers from the demo
 * directory, saved by the practitioner with notes. One of them then moves
 * practice phone in a (fictional) weekly update, so the Referrals page shows
 * how a contact whose directory entry changed after saving looks.
 */
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { directoryEntries } from "../db/repositories/directoryLookup.ts";
import { recordImport, upsertProviders } from "../db/repositories/directoryProviders.ts";
import type { Actor } from "../services/actor.ts";
import { saveReferralContact } from "../services/referralContacts.ts";
import { placed } from "./demoDirectory.ts";

export const DEMO_REFERRALS = [
  { name: "Rosa Delgado", note: "Doctor of acupuncture; takes referrals for chronic sciatica. Fax notes ahead." },
  { name: "Hawthorne Community Acupuncture (demo)", note: "Sliding-scale community clinic for patients paying themselves." },
] as const;
/** The contact whose directory entry changes after it was saved. */
export const DEMO_REFERRAL_CHANGED = "Rosa Delgado";

export async function loadDemoReferrals(db: Database, practitioner: Actor): Promise<void> {
  const demo = await db.query<{ npi: string; name: string }>("select npi, name from directory_providers where name = any($1::text[])", [DEMO_REFERRALS.map((r) => r.name)]);
  // A real NPPES import was there before the demo: it has none of the fictional providers, so no demo contacts either.
  if (demo.length !== DEMO_REFERRALS.length) return;
  for (const referral of DEMO_REFERRALS) {
    const npi = demo.find((d) => d.name === referral.name)!.npi;
    const saved = await saveReferralContact(db, practitioner, { npi, note: referral.note });
    if (!saved.ok) throw new Error(`Demo referral ${referral.name}: ${saved.code}`);
  }
  const changing = demo.find((d) => d.name === DEMO_REFERRAL_CHANGED)!.npi;
  const entry = (await directoryEntries(db, [changing])).get(changing)!;
  await db.transaction(async (tx) => {
    await upsertProviders(tx, [placed({ ...entry, phone: "5035550177", lastUpdateDate: "2025-06-10" as CalendarDate })]);
    await recordImport(tx, { fileName: "demo weekly update (fictional)", mode: "weekly", report: { demo: true, updated: 1 } });
  });
}
