/**
 * Under a provider's NPI on the Billing page: the check digit as it is typed
 * (the server refuses a wrong one), and, for the saved NPI, what the provider
 * directory lists for it. Directory differences only warn: the directory keeps
 * acupuncturists alone, may be out of date, and a clinic may use another name.
 */
import { npiProblem } from "../../../domain/directory/npi.ts";
import type { EntityType, TaxonomyLicense } from "../../../domain/directory/provider.ts";
import "../referrals/referrals.css";

export type NpiDirectoryMatch =
  | { listed: false; directoryEmpty: boolean }
  | { listed: true; namesAgree: boolean; name: string; credential: string | null; entity: EntityType; licenses: TaxonomyLicense[]; lastUpdateDate: string | null };

const licences = (list: TaxonomyLicense[]) => list.filter((l) => l.number).map((l) => `${l.state ?? "?"} ${l.number}`).join(", ") || "no licence number given";

export function NpiCheck({ id, typed, saved, furnisher }: { id: string; typed: string | null; saved: { npi: string | null; directory?: NpiDirectoryMatch | null } | null; furnisher: string }) {
  const npi = typed?.trim() ?? "";
  if (!npi) return null;
  const problem = npiProblem(npi);
  if (problem) {
    return (
      <span id={id} className="npi-match field-error">
        {problem}
      </span>
    );
  }
  const match = saved?.npi === npi ? saved.directory : undefined;
  if (!match) {
    return (
      <span id={id} className="npi-match muted">
        Check digit correct. Save to look it up in the directory.
      </span>
    );
  }
  if (!match.listed) {
    return (
      <span id={id} className={`npi-match ${furnisher === "acupuncturist" && !match.directoryEmpty ? "warn" : "muted"}`}>
        {match.directoryEmpty
          ? "The provider directory is empty, so this NPI cannot be checked against it yet."
          : furnisher === "acupuncturist"
            ? "⚠ Not in the directory as an acupuncturist (taxonomy 171100000X): check the NPI, or the provider's NPPES record."
            : "Not in the directory as an acupuncturist, as expected for a provider who is not one."}
      </span>
    );
  }
  return (
    <span id={id} className={`npi-match ${match.namesAgree ? "good" : "warn"}`}>
      {match.namesAgree ? "✓ In the directory as an acupuncturist: " : "⚠ The directory lists this NPI under another name: "}
      {match.name}
      {match.credential && `, ${match.credential}`}; licence {licences(match.licenses)}.
    </span>
  );
}
