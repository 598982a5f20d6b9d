/**
 * Does the name a clinic gave a provider agree with the name NPPES lists for
 * the NPI? A staff name carries credentials ("Sam Okafor, L.Ac.") and NPPES
 * names carry prefixes, middle names and suffixes in capitals ("DR. SAMUEL
 * J OKAFOR JR."), so names are compared by their words, not as text. The
 * answer only warns: a clinic may know a provider by another name.
 */

/** Words that say nothing about who a person is. */
const IGNORED = new Set(["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "jr", "sr", "ii", "iii", "iv"]);

/** The words of a name: credentials after the first comma dropped, accents and case folded, initials and titles left out. */
export function nameWords(name: string): string[] {
  const beforeCredentials = name.split(",")[0] ?? "";
  return beforeCredentials
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z\s'-]/g, " ")
    .split(/[\s-]+/)
    .map((w) => w.replace(/'/g, ""))
    .filter((w) => w.length > 1 && !IGNORED.has(w));
}

/**
 * True when the first and last words of one name both appear in the other
 * (either way round, so a middle name on one side only does not matter).
 */
export function namesAgree(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const within = (name: string[], other: string[]) => other.includes(name[0]!) && other.includes(name.at(-1)!);
  return within(x, y) || within(y, x);
}
