/**
 * Staff NPIs against the directory: is the NPI listed as an acupuncturist
 * (taxonomy 171100000X, the only one the directory keeps), under which name
 * and licences, and does that name agree with the clinic's? The answer warns
 * and never blocks: the directory may be out of date or empty, a physician is
 * not listed as an acupuncturist, and a clinic may use another name.
 */
import { namesAgree } from "../../domain/directory/nameMatch.ts";
import type { EntityType, TaxonomyLicense } from "../../domain/directory/provider.ts";
import type { Queryable } from "../db/database.ts";
import { directoryEntries } from "../db/repositories/directoryLookup.ts";
import { directoryStatus } from "../db/repositories/directoryProviders.ts";

export type NpiDirectoryMatch =
  | { listed: false; directoryEmpty: boolean }
  | { listed: true; namesAgree: boolean; name: string; credential: string | null; entity: EntityType; licenses: TaxonomyLicense[]; lastUpdateDate: string | null };

/** The match of each provider's NPI (by provider id); null for a provider without an NPI. */
export async function matchStaffNpis(q: Queryable, providers: readonly { id: string; displayName: string; npi: string | null }[]): Promise<Map<string, NpiDirectoryMatch | null>> {
  const npis = providers.flatMap((p) => (p.npi ? [p.npi] : []));
  const [entries, status] = await Promise.all([directoryEntries(q, npis), npis.length ? directoryStatus(q) : null]);
  return new Map(
    providers.map((p): [string, NpiDirectoryMatch | null] => {
      if (!p.npi) return [p.id, null];
      const entry = entries.get(p.npi);
      if (!entry) return [p.id, { listed: false, directoryEmpty: (status?.providers ?? 0) === 0 }];
      return [
        p.id,
        {
          listed: true,
          namesAgree: namesAgree(p.displayName, entry.name),
          name: entry.name,
          credential: entry.credential,
          entity: entry.entity,
          licenses: entry.licenses,
          lastUpdateDate: entry.lastUpdateDate,
        },
      ];
    }),
  );
}
