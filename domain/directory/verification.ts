/**
 * How a patient can check a provider found in the directory
 * (shared/reference/clinical-facts.md §10): the state board's licence lookup
 * and NCCAOM board certification; an NPI record proves neither licensure nor
 * quality. Every address here names where it was taken from. We hold no
 * source for any state board's licence-lookup address, so none is linked:
 * the page names the state and advises searching its board, rather than
 * guessing an address that may be wrong or taken over.
 */

/** Said wherever directory results are shown. */
export const NPI_DISCLAIMER =
  "This list comes from the national NPI registry (NPPES), where providers describe themselves. An NPI record proves neither a licence nor the quality of care: check the state board and NCCAOM before you book.";

/** The NPPES NPI Registry's public page for one NPI (CMS, npiregistry.cms.hhs.gov, the registry's "provider view"). */
export function npiRegistryRecordUrl(npi: string): string {
  return `https://npiregistry.cms.hhs.gov/provider-view/${encodeURIComponent(npi)}`;
}

/**
 * NCCAOM's own help-centre answer "How do I find an acupuncturist or an
 * Oriental medicine practitioner?", which leads to its Find a Practitioner
 * search and explains that the L.Ac. licence comes from a state board.
 */
export const NCCAOM_FIND_A_PRACTITIONER = {
  url: "https://help.nccaom.org/hc/en-us/articles/360009708013-How-do-I-find-an-acupuncturist-or-an-Oriental-medicine-practitioner",
  label: "NCCAOM: find a board-certified practitioner",
} as const;

/** USPS state and territory abbreviations (USPS Publication 28, Appendix B). */
export const STATE_NAMES: Readonly<Record<string, string>> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut", DE: "Delaware",
  DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa",
  KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota",
  MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico",
  NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania", RI: "Rhode Island",
  SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah", VT: "Vermont", VA: "Virginia", WA: "Washington",
  WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming", AS: "American Samoa", GU: "Guam", MP: "Northern Mariana Islands", PR: "Puerto Rico",
  VI: "U.S. Virgin Islands",
};

export interface StateBoard {
  state: string;
  stateName: string | null;
  /** The board's licence lookup, only where the address comes from a source named beside it; else null. */
  lookupUrl: string | null;
  source: string | null;
  advice: string;
}

/**
 * State boards whose licence-lookup address comes from a named source. Empty
 * until such a source is added (each entry: the address and where it was read).
 */
const SOURCED_BOARDS: Readonly<Record<string, { lookupUrl: string; source: string }>> = {};

/** Where to check the licence the provider gave for `state`. */
export function stateBoardFor(state: string | null): StateBoard {
  const code = (state ?? "").toUpperCase();
  const stateName = STATE_NAMES[code] ?? null;
  const sourced = SOURCED_BOARDS[code];
  const where = stateName ?? "the state where they practise";
  return {
    state: code,
    stateName,
    lookupUrl: sourced?.lookupUrl ?? null,
    source: sourced?.source ?? null,
    advice: sourced
      ? `Look the licence number up with the ${stateName} board.`
      : `Search for the ${where} acupuncture licensing board and use its licence lookup with this licence number.`,
  };
}
