/** A provider in the public directory: what NPPES publishes about an acupuncturist, nothing more. */
import type { CalendarDate } from "../shared/calendarDate.ts";
import type { Npi } from "./npi.ts";

export const ENTITY_TYPES = ["individual", "organization"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A licence the provider gave NPPES with the acupuncturist taxonomy; NPPES does not check it against the board. */
export interface TaxonomyLicense {
  number: string | null;
  state: string | null;
  /** The provider marked this taxonomy as their primary one (switch "Y"). */
  primary: boolean;
}

export interface PracticeLocation {
  line1: string;
  line2: string | null;
  city: string;
  state: string | null;
  /** 5 or 9 digits as NPPES gives it, no hyphen; null outside the US. */
  postalCode: string | null;
  country: string | null;
}

export interface DirectoryProvider {
  npi: Npi;
  entity: EntityType;
  /** The organisation's legal business name, or the person's name in reading order. */
  name: string;
  credential: string | null;
  /** The acupuncturist slot shown first: the primary one, else the first (slot 1 before slot 15). */
  license: TaxonomyLicense;
  /** Every acupuncturist slot, e.g. licences in two states. */
  licenses: TaxonomyLicense[];
  practice: PracticeLocation;
  phone: string | null;
  enumerationDate: CalendarDate | null;
  lastUpdateDate: CalendarDate | null;
}

/** The first five digits of a US postal code, the key of the ZIP-centroid table. */
export function zip5(postalCode: string | null): string | null {
  return postalCode && /^\d{5}(\d{4})?$/.test(postalCode) ? postalCode.slice(0, 5) : null;
}

/** `(206) 555-0123` for ten-digit US numbers; anything else as given. */
export function formatPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  return digits.length === 10 ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : phone;
}
