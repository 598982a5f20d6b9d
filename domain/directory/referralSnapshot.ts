/**
 * A referral contact keeps what the directory said when the clinic saved it.
 * Later imports may change the entry (a move, a new phone) or remove it
 * (deactivated NPI, taxonomy dropped, gone from the monthly file): comparing
 * the snapshot with the current entry tells the clinic which, field by field.
 */
import type { DirectoryProvider, EntityType } from "./provider.ts";

/** What is kept of a directory entry when it is saved as a referral contact. */
export interface ReferralSnapshot {
  npi: string;
  entity: EntityType;
  name: string;
  credential: string | null;
  license: { number: string | null; state: string | null };
  address: { line1: string; line2: string | null; city: string; state: string | null; postalCode: string | null };
  phone: string | null;
  lastUpdateDate: string | null;
}

export const SNAPSHOT_FIELDS = ["name", "credential", "address", "phone", "licence"] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export interface SnapshotChange {
  field: SnapshotField;
  saved: string | null;
  now: string | null;
}

/** The directory's status of a saved contact: as saved, changed since, or no longer listed. */
export type DirectoryStanding = { kind: "unchanged" } | { kind: "changed"; changes: SnapshotChange[]; current: ReferralSnapshot } | { kind: "gone" };

export function snapshotOf(p: DirectoryProvider): ReferralSnapshot {
  return {
    npi: p.npi,
    entity: p.entity,
    name: p.name,
    credential: p.credential,
    license: { number: p.license.number, state: p.license.state },
    address: { line1: p.practice.line1, line2: p.practice.line2, city: p.practice.city, state: p.practice.state, postalCode: p.practice.postalCode },
    phone: p.phone,
    lastUpdateDate: p.lastUpdateDate,
  };
}

/** One line per field, as a person would compare them; null when empty. */
function shown(s: ReferralSnapshot, field: SnapshotField): string | null {
  switch (field) {
    case "name":
      return s.name;
    case "credential":
      return s.credential;
    case "phone":
      return s.phone;
    case "licence":
      return [s.license.state, s.license.number].filter(Boolean).join(" ") || null;
    case "address":
      return [s.address.line1, s.address.line2, s.address.city, s.address.state, s.address.postalCode].filter(Boolean).join(", ");
  }
}

/** Compares the saved snapshot with the current entry (null: the directory no longer lists the NPI). */
export function directoryStanding(saved: ReferralSnapshot, current: ReferralSnapshot | null): DirectoryStanding {
  if (!current) return { kind: "gone" };
  const changes = SNAPSHOT_FIELDS.flatMap((field): SnapshotChange[] => {
    const before = shown(saved, field);
    const after = shown(current, field);
    return before === after ? [] : [{ field, saved: before, now: after }];
  });
  return changes.length ? { kind: "changed", changes, current } : { kind: "unchanged" };
}
