import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";

/** Replaces an account's recovery codes with new ones (their hashes): the old ones stop working. */
export async function replaceRecoveryCodes(q: Queryable, clinicId: ClinicId, userId: UserId, codeHashes: readonly string[]): Promise<void> {
  await deleteRecoveryCodes(q, clinicId, userId);
  await q.query(
    // A JSON list, not an array parameter: both drivers (pg and PGlite) pass JSON text the same way.
    "insert into recovery_codes (clinic_id, user_id, code_hash) select $1, $2, hash from jsonb_array_elements_text($3::jsonb) as hash",
    [clinicId, userId, JSON.stringify(codeHashes)],
  );
}

/** Marks the code used and says how many unused ones are left; null when it is not an unused code of this account. */
export async function useRecoveryCode(q: Queryable, clinicId: ClinicId, userId: UserId, codeHash: string): Promise<{ left: number } | null> {
  const used = await q.query(
    "update recovery_codes set used_at = now() where clinic_id = $1 and user_id = $2 and code_hash = $3 and used_at is null returning id",
    [clinicId, userId, codeHash],
  );
  if (used.length === 0) return null;
  return { left: await countUnusedRecoveryCodes(q, clinicId, userId) };
}

export async function countUnusedRecoveryCodes(q: Queryable, clinicId: ClinicId, userId: UserId): Promise<number> {
  const [row] = await q.query<{ n: number }>("select count(*)::int as n from recovery_codes where clinic_id = $1 and user_id = $2 and used_at is null", [
    clinicId,
    userId,
  ]);
  return row?.n ?? 0;
}

export async function deleteRecoveryCodes(q: Queryable, clinicId: ClinicId, userId: UserId): Promise<void> {
  await q.query("delete from recovery_codes where clinic_id = $1 and user_id = $2", [clinicId, userId]);
}
