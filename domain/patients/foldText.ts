/**
 * Search folds letters to their plain form so "zoe" finds "Zoë" and "munoz"
 * finds "Muñoz". One table, used both to fold the typed term here and, through
 * SQL translate(), to fold the stored names, so PGlite and PostgreSQL need no
 * extension (unaccent) and agree exactly.
 */
const FROM = "àáâãäåāăąçćčďèéêëēĕėęěìíîïĩīįıñńňòóôõöøōőùúûüũūůűųýÿźżžśšşţťłß";
const TO = "aaaaaaaaacccdeeeeeeeeeiiiiiiiinnnoooooooouuuuuuuuuyyzzzsssttls";

/** The two strings for SQL `translate(lower(x), FROM, TO)`. */
export const FOLD_TABLE = { from: FROM, to: TO } as const;

export function foldText(text: string): string {
  let out = "";
  for (const ch of text.toLowerCase()) {
    const i = FROM.indexOf(ch);
    out += i >= 0 ? TO[i] : ch;
  }
  return out;
}
