/**
 * Chinese names: TARA gives characters with variants in brackets (腎兪(俞),
 * 雲(云)門(门)) and toneless pinyin (Shenshu). We derive traditional and
 * simplified forms with OpenCC, and tone marks with pinyin-pro, choosing for
 * each character the reading whose syllable matches TARA's pinyin, because
 * point names use readings a general dictionary does not put first
 * (俞 is shù in Shenshu, not yú).
 */
import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

/** 腎兪(俞) → traditional 腎俞; 雲(云)門(门) → 雲門. */
export function hanziForms(label: string): { traditional: string; simplified: string } {
  let traditional = "";
  const pattern = /(\p{Script=Han})(?:\(([^)]*)\))?/gu;
  for (const match of label.matchAll(pattern)) {
    const base = match[1]!;
    const alternatives = (match[2] ?? "").split(/[,，]/).map((a) => a.trim()).filter(Boolean);
    // When the bracket holds the simplified form, the base is traditional; otherwise
    // the bracket holds the standard character for a variant (兪 → 俞).
    const alt = alternatives[0];
    traditional += !alt || toSimplified(base) === alt ? base : toTraditional(alt);
  }
  return { traditional, simplified: toSimplified(traditional) };
}

const TONELESS: Record<string, string> = { ā: "a", á: "a", ǎ: "a", à: "a", ē: "e", é: "e", ě: "e", è: "e", ī: "i", í: "i", ǐ: "i", ì: "i", ō: "o", ó: "o", ǒ: "o", ò: "o", ū: "u", ú: "u", ǔ: "u", ù: "u", ǖ: "v", ǘ: "v", ǚ: "v", ǜ: "v", ü: "v" };
export function stripTones(text: string): string {
  return [...text.normalize("NFC")].map((c) => TONELESS[c] ?? c).join("");
}

/**
 * Tone-marked pinyin for `hanzi` that spells `plain` (TARA's toneless name):
 * "腎俞" + "Shenshu" → "Shènshū". Throws when no reading fits, so a wrong
 * character or name is caught at build time instead of shipped.
 */
export function tonedPinyin(hanzi: string, plain: string): string {
  // Plain ASCII spellings drop the umlaut (lü → lu), so compare with ü folded to u.
  const target = plain.toLowerCase().replace(/ü/g, "u").replace(/[^a-z]/g, "");
  const chars = [...hanzi];
  const readings = chars.map((c) => [...new Set(pinyin(c, { multiple: true, type: "array", toneType: "symbol" }))]);
  const solve = (index: number, offset: number): string[] | null => {
    if (index === chars.length) return offset === target.length ? [] : null;
    for (const reading of readings[index]!) {
      const bare = stripTones(reading).replace(/v/g, "u");
      if (target.startsWith(bare, offset)) {
        const rest = solve(index + 1, offset + bare.length);
        if (rest) return [reading, ...rest];
      }
    }
    return null;
  };
  const syllables = solve(0, 0);
  if (!syllables) throw new Error(`No reading of ${hanzi} spells ${plain}`);
  const joined = syllables.join("");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}
