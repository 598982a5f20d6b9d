/**
 * Named nerves and vessels under a point, pulled out of TARA's descriptive
 * sentences as a list of structure names ("tibial nerve", "popliteal artery"):
 * the anatomy is carried as facts, the sentences are not.
 */
const QUALIFIERS = /^(?:and |the |its |their |a |an |on the pathway of |superficially,? |deeper,? |deepest,? |further deeper,? |(?:medially|laterally|inferiorly|superiorly|posteriorly|anteriorly|proximally|distally|below|above|nearby|in the deep layer|at the deep layer),? |(?:the )?(?:deep|deeper) layer,? )+/i;

export function structureNames(text: string, kind: "nerve" | "vessel"): string[] {
  const pattern = kind === "nerve" ? /nerve|plexus|ramus|rami/i : /arter|vein|venous|vessel|arch|network/i;
  const names = text
    .replace(/\([^)]*\)/g, " ")
    .split(/[;,.]|\band\b(?! vein| artery| arteries| veins)/)
    .map((part) => part.replace(/\s+/g, " ").trim().replace(QUALIFIERS, "").replace(QUALIFIERS, "").trim().toLowerCase())
    .filter((part) => part.length > 3 && part.length < 90 && pattern.test(part));
  return [...new Set(names)];
}
