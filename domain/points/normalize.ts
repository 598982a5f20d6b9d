/**
 * Normal forms for matching what people type against point names:
 * codes ("ub 23", "BL-23" → "UB23", "BL23"), pinyin without tones or spaces
 * ("Shèn Shū" → "shenshu"), characters with common variants folded (兪 → 俞).
 */

/** Letters and digits only, upper case: "bl-23" → "BL23", "EX-B2 L4" → "EXB2L4". */
export function codeKey(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Pinyin without tones, case, spaces or apostrophes; ü as u: "Zú Sān Lǐ" → "zusanli". */
export function pinyinKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

/** Variant characters seen in point names, folded to the standard form. */
const HANZI_VARIANTS: Record<string, string> = { 兪: "俞", 腧: "俞", 蔵: "藏", 内: "內", 谿: "溪" };

export function hanziKey(text: string): string {
  return [...text.replace(/\s+/g, "")].map((c) => HANZI_VARIANTS[c] ?? c).join("");
}

export function hasHanzi(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Lower-case words for matching English and indication terms. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9/ ]+/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}
