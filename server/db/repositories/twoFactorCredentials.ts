import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

/** An account's authenticator: its sealed secret, and whether enrolment was confirmed with a code. */
export interface TwoFactorCredential {
  userId: UserId;
  secretSealed: string;
  /** Null while enrolment is started but not confirmed: the factor is not yet in use. */
  confirmedAt: string | null;
}

interface Row {
  user_id: UserId;
  secret_sealed: string;
  confirmed_at: Date | null;
}

const toCredential = (row: Row): TwoFactorCredential => ({
  userId: row.user_id,
  secretSealed: row.secret_sealed,
  confirmedAt: row.confirmed_at ? isoTimestamp(row.confirmed_at) : null,
});

export async function findTwoFactorCredential(q: Queryable, clinicId: ClinicId, userId: UserId): Promise<TwoFactorCredential | null> {
  const [row] = await q.query<Row>("select user_id, secret_sealed, confirmed_at from two_factor_credentials where clinic_id = $1 and user_id = $2", [
    clinicId,
    userId,
  ]);
  return row ? toCredential(row) : null;
}

/** Starts (or starts again) an unconfirmed enrolment; a confirmed factor is left alone and false returned. */
export async function saveUnconfirmedCredential(q: Queryable, clinicId: ClinicId, userId: UserId, secretSealed: string): Promise<boolean> {
  const rows = await q.query(
    `insert into two_factor_credentials (user_id, clinic_id, secret_sealed) values ($2, $1, $3)
     on conflict (user_id) do update set secret_sealed = excluded.secret_sealed, created_at = now(), last_used_step = null
       where two_factor_credentials.confirmed_at is null
     returning user_id`,
    [clinicId, userId, secretSealed],
  );
  return rows.length === 1;
}

/**
 * Takes the code of time step `step` as used: true only when no code of this
 * step or a later one was taken before. One statement, so two requests with
 * the same code at once cannot both pass (RFC 6238 section 5.2: an OTP is
 * accepted once). `confirming` also makes an unconfirmed enrolment active.
 */
export async function takeTimeStep(q: Queryable, clinicId: ClinicId, userId: UserId, step: number, confirming = false): Promise<boolean> {
  const rows = await q.query(
    `update two_factor_credentials
        set last_used_step = $3, confirmed_at = case when $4::boolean then now() else confirmed_at end
      where clinic_id = $1 and user_id = $2 and (last_used_step is null or last_used_step < $3)
        and (confirmed_at is not null) <> $4::boolean
      returning user_id`,
    [clinicId, userId, step, confirming],
  );
  return rows.length === 1;
}

export async function deleteTwoFactorCredential(q: Queryable, clinicId: ClinicId, userId: UserId): Promise<boolean> {
  const rows = await q.query("delete from two_factor_credentials where clinic_id = $1 and user_id = $2 returning user_id", [clinicId, userId]);
  return rows.length === 1;
}

/** The clinic's accounts whose two-factor sign-in is on (enrolment confirmed). */
export async function listEnrolledUsers(q: Queryable, clinicId: ClinicId): Promise<UserId[]> {
  const rows = await q.query<{ user_id: UserId }>("select user_id from two_factor_credentials where clinic_id = $1 and confirmed_at is not null", [clinicId]);
  return rows.map((row) => row.user_id);
}
