import type { ClinicId } from "../../../domain/shared/brand.ts";
import type { FollowUpSchedule } from "../../../domain/outcomes/followUp.ts";
import type { Queryable } from "../database.ts";

export interface Clinic {
  id: ClinicId;
  name: string;
}

/** `demo` marks the synthetic demo clinic, the one clinic that may later be removed whole (migration 0020). */
export async function insertClinic(q: Queryable, name: string, options: { demo?: boolean } = {}): Promise<Clinic> {
  const [row] = await q.query<Clinic>("insert into clinics (name, demo) values ($1, $2) returning id, name", [name, options.demo ?? false]);
  return row!;
}

export async function findClinic(q: Queryable, id: ClinicId): Promise<Clinic | null> {
  const [row] = await q.query<Clinic>("select id, name from clinics where id = $1", [id]);
  return row ?? null;
}

export async function findClinicByName(q: Queryable, name: string): Promise<Clinic | null> {
  const [row] = await q.query<Clinic>("select id, name from clinics where lower(name) = lower($1) order by created_at limit 1", [name]);
  return row ?? null;
}

/** The clinic a command names: by its id (a UUID) or its name. */
export function findClinicByNameOrId(q: Queryable, named: string): Promise<Clinic | null> {
  return /^[0-9a-f-]{36}$/.test(named) ? findClinic(q, named as ClinicId) : findClinicByName(q, named);
}

/** Every clinic, oldest first (commands that go through each, e.g. `acuback audit verify`). */
export async function listClinics(q: Queryable): Promise<Clinic[]> {
  return q.query<Clinic>("select id, name from clinics order by created_at, id");
}

export async function countClinics(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>("select count(*)::int as n from clinics");
  return row!.n;
}

/** Takes the clinic's next record-number sequence value; the row lock makes concurrent registrations safe. */
export async function takeRecordNumberSequence(q: Queryable, clinicId: ClinicId): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    "update clinics set next_record_number = next_record_number + 1 where id = $1 returning next_record_number - 1 as n",
    [clinicId],
  );
  return row!.n;
}

/** The clinic's own follow-up schedule, or null when it uses the default. */
export async function findFollowUpSchedule(q: Queryable, clinicId: ClinicId): Promise<FollowUpSchedule | null> {
  const [row] = await q.query<{ follow_up_schedule: FollowUpSchedule | null }>("select follow_up_schedule from clinics where id = $1", [clinicId]);
  return row?.follow_up_schedule ?? null;
}

export async function saveFollowUpSchedule(q: Queryable, clinicId: ClinicId, schedule: FollowUpSchedule | null): Promise<void> {
  await q.query("update clinics set follow_up_schedule = $2 where id = $1", [clinicId, schedule === null ? null : JSON.stringify(schedule)]);
}
