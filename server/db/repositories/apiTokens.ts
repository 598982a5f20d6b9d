import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { ApiTokenScope } from "../../../domain/access/apiTokens.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface ApiToken {
  id: string;
  name: string;
  scope: ApiTokenScope;
  tokenPrefix: string;
  createdBy: UserId;
  createdByName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface Row {
  id: string;
  name: string;
  scope: ApiTokenScope;
  token_prefix: string;
  created_by: UserId;
  created_by_name: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const SELECT = `select t.id, t.name, t.scope, t.token_prefix, t.created_by, u.display_name as created_by_name, t.created_at,
  t.last_used_at, t.revoked_at from api_tokens t left join users u on u.id = t.created_by`;

const toToken = (row: Row): ApiToken => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  tokenPrefix: row.token_prefix,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: isoTimestamp(row.created_at),
  lastUsedAt: row.last_used_at ? isoTimestamp(row.last_used_at) : null,
  revokedAt: row.revoked_at ? isoTimestamp(row.revoked_at) : null,
});

export async function insertApiToken(
  q: Queryable,
  clinicId: ClinicId,
  token: { name: string; scope: ApiTokenScope; tokenHash: string; tokenPrefix: string; createdBy: UserId },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    "insert into api_tokens (clinic_id, name, scope, token_hash, token_prefix, created_by) values ($1, $2, $3, $4, $5, $6) returning id",
    [clinicId, token.name, token.scope, token.tokenHash, token.tokenPrefix, token.createdBy],
  );
  return row!.id;
}

export async function listApiTokens(q: Queryable, clinicId: ClinicId): Promise<ApiToken[]> {
  return (await q.query<Row>(`${SELECT} where t.clinic_id = $1 order by t.revoked_at nulls first, t.created_at desc`, [clinicId])).map(toToken);
}

export async function findApiToken(q: Queryable, clinicId: ClinicId, id: string): Promise<ApiToken | null> {
  const [row] = await q.query<Row>(`${SELECT} where t.clinic_id = $1 and t.id = $2`, [clinicId, id]);
  return row ? toToken(row) : null;
}

export async function revokeApiToken(q: Queryable, clinicId: ClinicId, id: string, by: UserId): Promise<boolean> {
  const rows = await q.query("update api_tokens set revoked_at = now(), revoked_by = $3 where clinic_id = $1 and id = $2 and revoked_at is null returning id", [
    clinicId,
    id,
    by,
  ]);
  return rows.length > 0;
}

export interface TokenHolder {
  id: string;
  clinicId: ClinicId;
  clinicName: string;
  name: string;
  scope: ApiTokenScope;
  createdBy: UserId;
}

/**
 * The live token with this hash, whose creator is still an active owner of
 * its clinic (a token dies with its owner's access). Its last use is written
 * at most once a minute, so a busy system's reads do not each become a write.
 */
export async function useApiToken(q: Queryable, tokenHash: string): Promise<TokenHolder | null> {
  const [row] = await q.query<{ id: string; clinic_id: ClinicId; clinic_name: string; name: string; scope: ApiTokenScope; created_by: UserId; stale: boolean }>(
    `select t.id, t.clinic_id, c.name as clinic_name, t.name, t.scope, t.created_by,
            (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as stale
       from api_tokens t join users u on u.id = t.created_by and u.clinic_id = t.clinic_id join clinics c on c.id = t.clinic_id
      where t.token_hash = $1 and t.revoked_at is null and u.active and u.role = 'owner'`,
    [tokenHash],
  );
  if (!row) return null;
  if (row.stale) await q.query("update api_tokens set last_used_at = now() where id = $1", [row.id]);
  return { id: row.id, clinicId: row.clinic_id, clinicName: row.clinic_name, name: row.name, scope: row.scope, createdBy: row.created_by };
}
