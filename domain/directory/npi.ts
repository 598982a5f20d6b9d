/**
 * The NPI check digit. CMS, "Requirements for National Provider Identifier
 * (NPI) and NPI Enumerator" (the NPI final rule's check-digit annex): the
 * 10th digit is the ISO/IEC 7812 Luhn check digit computed over the prefix
 * 80840 followed by the first nine digits. Adding 24 to the Luhn sum of the
 * nine digits is CMS's shortcut for those five prefix digits.
 */
import type { Brand } from "../shared/brand.ts";

export type Npi = Brand<string, "Npi">;

/** The Luhn check digit of the nine-digit NPI base, prefix 80840 included. */
export function npiCheckDigit(base: string): number {
  if (!/^\d{9}$/.test(base)) throw new Error("an NPI base is nine digits");
  const digits = `80840${base}`;
  let sum = 0;
  // Double every second digit from the right of the payload (the check digit's position is not in it).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for ten digits whose last is the check digit of the first nine. */
export function isValidNpi(value: string): value is Npi {
  return /^\d{10}$/.test(value) && npiCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** Why an entered NPI is refused, or null when it is valid; the message is for a form. */
export function npiProblem(value: string): string | null {
  if (!/^\d{10}$/.test(value)) return "An NPI is 10 digits.";
  if (!isValidNpi(value)) return "This NPI's check digit is wrong; check for a mistyped digit.";
  return null;
}
