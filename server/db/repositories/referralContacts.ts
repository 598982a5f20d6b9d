/** A clinic's referral contacts (migration 0016): every query is scoped by the clinic. */
import type { ReferralSnapshot } from "../../../domain/directory/referralSnapshot.ts";
import type { EntityType } from "../../../domain/directory/provider.ts";
import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface ReferralContactRecord {
  id: string;
  snapshot: ReferralSnapshot;
  note: string | null;
  savedBy: string | null;
  savedByName: string | null;
  savedAt: string;
}

interface ContactRow {
  id: string; npi: string; entity: EntityType; name: string; credential: string | null; license_number: string | null; license_state: string | null;
  line1: string; line2: string | null; city: string; state: string | null; postal_code: string | null; phone: string | null;
  last_update_date: string | null; note: string | null; saved_by: string | null; saved_by_name: string | null; saved_at: Date | string;
}

const SELECT = `select c.id, c.npi, c.entity, c.name, c.credential, c.license_number, c.license_state, c.line1, c.line2, c.city, c.state,
       c.postal_code, c.phone, c.last_update_date, c.note, c.saved_by, u.display_name as saved_by_name, c.saved_at
  from referral_contacts c left join users u on u.id = c.saved_by`;

function record(r: ContactRow): ReferralContactRecord {
  return {
    id: r.id,
    snapshot: {
      npi: r.npi,
      entity: r.entity,
      name: r.name,
      credential: r.credential,
      license: { number: r.license_number, state: r.license_state },
      address: { line1: r.line1, line2: r.line2, city: r.city, state: r.state, postalCode: r.postal_code },
      phone: r.phone,
      lastUpdateDate: r.last_update_date,
    },
    note: r.note,
    savedBy: r.saved_by,
    savedByName: r.saved_by_name,
    savedAt: isoTimestamp(r.saved_at),
  };
}

export async function listReferralContacts(q: Queryable, clinicId: ClinicId): Promise<ReferralContactRecord[]> {
  const rows = await q.query<ContactRow>(`${SELECT} where c.clinic_id = $1 order by lower(c.name), c.npi`, [clinicId]);
  return rows.map(record);
}

export async function findReferralContact(q: Queryable, clinicId: ClinicId, id: string): Promise<ReferralContactRecord | null> {
  const [row] = await q.query<ContactRow>(`${SELECT} where c.clinic_id = $1 and c.id = $2`, [clinicId, id]);
  return row ? record(row) : null;
}

const snapshotParams = (s: ReferralSnapshot) => [
  s.entity, s.name, s.credential, s.license.number, s.license.state, s.address.line1, s.address.line2, s.address.city, s.address.state, s.address.postalCode, s.phone, s.lastUpdateDate,
];

/** Null when the clinic already keeps this NPI (unique per clinic). */
export async function insertReferralContact(q: Queryable, clinicId: ClinicId, savedBy: UserId, snapshot: ReferralSnapshot, note: string | null): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `insert into referral_contacts (clinic_id, npi, entity, name, credential, license_number, license_state, line1, line2, city, state, postal_code, phone, last_update_date, note, saved_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     on conflict (clinic_id, npi) do nothing returning id`,
    [clinicId, snapshot.npi, ...snapshotParams(snapshot), note, savedBy],
  );
  return rows[0]?.id ?? null;
}

export async function updateReferralNote(q: Queryable, clinicId: ClinicId, id: string, note: string | null): Promise<boolean> {
  return (await q.query("update referral_contacts set note = $3 where clinic_id = $1 and id = $2 returning id", [clinicId, id, note])).length > 0;
}

/** Takes the directory's current details as the new snapshot (the clinic has checked them). */
export async function replaceReferralSnapshot(q: Queryable, clinicId: ClinicId, id: string, snapshot: ReferralSnapshot): Promise<boolean> {
  const rows = await q.query(
    `update referral_contacts set entity = $3, name = $4, credential = $5, license_number = $6, license_state = $7, line1 = $8, line2 = $9,
            city = $10, state = $11, postal_code = $12, phone = $13, last_update_date = $14
      where clinic_id = $1 and id = $2 returning id`,
    [clinicId, id, ...snapshotParams(snapshot)],
  );
  return rows.length > 0;
}

export async function deleteReferralContact(q: Queryable, clinicId: ClinicId, id: string): Promise<boolean> {
  return (await q.query("delete from referral_contacts where clinic_id = $1 and id = $2 returning id", [clinicId, id])).length > 0;
}
