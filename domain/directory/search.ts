/** The limits of a directory search, shared by the API, the CLI and the page. */
export const RADIUS_MILES = { min: 5, max: 100, default: 25 } as const;
export const PAGE_SIZE = { max: 50, default: 20 } as const;

/** A US ZIP as typed: five digits, optionally with the four-digit extension. */
export function searchZip(text: string): string | null {
  const m = /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(text);
  return m ? m[1]! : null;
}
