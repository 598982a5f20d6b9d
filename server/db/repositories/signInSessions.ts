import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { Role } from "../../../domain/access/roles.ts";
import type { Queryable } from "../database.ts";

/** A sign-in session (not a clinical encounter: that is a visit). */
export interface SessionRecord {
  userId: UserId;
  clinicId: ClinicId;
  clinicName: string;
  /** The synthetic demo clinic (migration 0020), which its owner may remove. */
  clinicDemo: boolean;
  email: string;
  displayName: string;
  role: Role;
  csrfToken: string;
  lastSeenAt: Date;
  /** The password was right but the second step (an authenticator or recovery code) is still to come: it opens only that step. */
  awaitingSecondFactor: boolean;
  /** The clinic requires two-factor sign-in and this account has none yet: the session opens only its set-up. */
  twoFactorEnrolmentDue: boolean;
}

export async function insertSession(
  q: Queryable,
  session: { tokenHash: string; userId: UserId; clinicId: ClinicId; csrfToken: string; expiresAt: Date; awaitingSecondFactor?: boolean },
): Promise<void> {
  await q.query(
    "insert into sessions (token_hash, user_id, clinic_id, csrf_token, expires_at, awaiting_second_factor) values ($1, $2, $3, $4, $5, $6)",
    [session.tokenHash, session.userId, session.clinicId, session.csrfToken, session.expiresAt, session.awaitingSecondFactor ?? false],
  );
}

/**
 * The live session for a token hash: not expired, not idle longer than
 * `idleMinutes`, and its user still active. A deactivated user's sessions stop
 * working at once, even before they are deleted.
 */
export async function findLiveSession(q: Queryable, tokenHash: string, idleMinutes: number): Promise<SessionRecord | null> {
  const [row] = await q.query<{
    user_id: UserId;
    clinic_id: ClinicId;
    clinic_name: string;
    clinic_demo: boolean;
    email: string;
    display_name: string;
    role: Role;
    csrf_token: string;
    last_seen_at: Date;
    awaiting_second_factor: boolean;
    enrolment_due: boolean;
  }>(
    // Whether set-up is due is worked out on every request, not kept: a clinic that starts requiring it, or an owner who
    // resets someone's authenticator, limits sessions already open at once.
    `select s.user_id, s.clinic_id, c.name as clinic_name, c.demo as clinic_demo, u.email, u.display_name, u.role, s.csrf_token, s.last_seen_at,
            s.awaiting_second_factor,
            c.two_factor_required and not exists (
              select 1 from two_factor_credentials f where f.user_id = s.user_id and f.clinic_id = s.clinic_id and f.confirmed_at is not null
            ) as enrolment_due
       from sessions s
       join users u on u.id = s.user_id and u.clinic_id = s.clinic_id
       join clinics c on c.id = s.clinic_id
      where s.token_hash = $1 and s.expires_at > now() and u.active
        and s.last_seen_at > now() - make_interval(mins => $2::int)`,
    [tokenHash, idleMinutes],
  );
  if (!row) return null;
  return {
    userId: row.user_id,
    clinicId: row.clinic_id,
    clinicName: row.clinic_name,
    clinicDemo: row.clinic_demo,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    csrfToken: row.csrf_token,
    lastSeenAt: new Date(row.last_seen_at),
    awaitingSecondFactor: row.awaiting_second_factor,
    twoFactorEnrolmentDue: row.enrolment_due,
  };
}

export async function touchSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query("update sessions set last_seen_at = now() where token_hash = $1", [tokenHash]);
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query("delete from sessions where token_hash = $1", [tokenHash]);
}

/** Ends every session of a user (deactivation, password change); `except` keeps the caller's own. */
export async function deleteUserSessions(q: Queryable, userId: UserId, except?: string): Promise<void> {
  await q.query("delete from sessions where user_id = $1 and token_hash <> coalesce($2, '')", [userId, except ?? null]);
}

export async function deleteExpiredSessions(q: Queryable): Promise<void> {
  await q.query("delete from sessions where expires_at <= now()");
}
