import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { Role } from "../../../domain/access/roles.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface User {
  id: UserId;
  clinicId: ClinicId;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** Years in practice, training, licence (free text; STRICTA 5). */
  background: string | null;
  createdAt: string;
}

export interface UserWithSecret extends User {
  passwordHash: string;
}

interface UserRow {
  id: UserId;
  clinic_id: ClinicId;
  email: string;
  display_name: string;
  role: Role;
  active: boolean;
  background: string | null;
  created_at: Date;
  password_hash: string;
}

const COLUMNS = "id, clinic_id, email, display_name, role, active, background, created_at, password_hash";

function toUser(row: UserRow): UserWithSecret {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    active: row.active,
    background: row.background,
    createdAt: isoTimestamp(row.created_at),
    passwordHash: row.password_hash,
  };
}

export function withoutSecret({ passwordHash: _secret, ...user }: UserWithSecret): User {
  return user;
}

/**
 * Inserts the account, or returns null when the e-mail is taken. "On conflict
 * do nothing" rather than catching the error: a failed statement would abort
 * the caller's transaction.
 */
export async function insertUser(
  q: Queryable,
  user: { clinicId: ClinicId; email: string; displayName: string; role: Role; passwordHash: string },
): Promise<User | null> {
  const [row] = await q.query<UserRow>(
    `insert into users (clinic_id, email, display_name, role, password_hash) values ($1, $2, $3, $4, $5)
     on conflict ((lower(email))) do nothing returning ${COLUMNS}`,
    [user.clinicId, user.email, user.displayName, user.role, user.passwordHash],
  );
  return row ? withoutSecret(toUser(row)) : null;
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserWithSecret | null> {
  const [row] = await q.query<UserRow>(`select ${COLUMNS} from users where lower(email) = lower($1)`, [email]);
  return row ? toUser(row) : null;
}

export async function findUser(q: Queryable, clinicId: ClinicId, id: UserId): Promise<UserWithSecret | null> {
  const [row] = await q.query<UserRow>(`select ${COLUMNS} from users where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ? toUser(row) : null;
}

export async function listUsers(q: Queryable, clinicId: ClinicId): Promise<User[]> {
  const rows = await q.query<UserRow>(
    `select ${COLUMNS} from users where clinic_id = $1 order by active desc, lower(display_name)`,
    [clinicId],
  );
  return rows.map((row) => withoutSecret(toUser(row)));
}

export async function updateUser(
  q: Queryable,
  clinicId: ClinicId,
  id: UserId,
  changes: {
    role?: Role | undefined;
    active?: boolean | undefined;
    displayName?: string | undefined;
    /** null clears it; undefined leaves it as it is. */
    background?: string | null | undefined;
  },
): Promise<User | null> {
  const [row] = await q.query<UserRow>(
    `update users set role = coalesce($3, role), active = coalesce($4, active),
       display_name = coalesce($5, display_name),
       background = case when $6::boolean then $7::text else background end, updated_at = now()
     where clinic_id = $1 and id = $2 returning ${COLUMNS}`,
    [clinicId, id, changes.role ?? null, changes.active ?? null, changes.displayName ?? null, changes.background !== undefined, changes.background ?? null],
  );
  return row ? withoutSecret(toUser(row)) : null;
}

export async function setPasswordHash(q: Queryable, clinicId: ClinicId, id: UserId, passwordHash: string): Promise<void> {
  await q.query("update users set password_hash = $3, updated_at = now() where clinic_id = $1 and id = $2", [
    clinicId,
    id,
    passwordHash,
  ]);
}

/** Locks the clinic's owner rows, so two owners cannot demote each other at once and leave none. */
export async function countActiveOwners(q: Queryable, clinicId: ClinicId): Promise<number> {
  const rows = await q.query<{ id: string }>(
    "select id from users where clinic_id = $1 and role = 'owner' and active for update",
    [clinicId],
  );
  return rows.length;
}

/** Accounts in every clinic: none means a fresh install that needs its first owner. */
export async function countAllUsers(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>("select count(*)::int as n from users");
  return row?.n ?? 0;
}
