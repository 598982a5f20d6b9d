import type { ClinicId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";

/** Whether the clinic requires two-factor sign-in of every staff member (migration 0031). */
export async function isTwoFactorRequired(q: Queryable, clinicId: ClinicId): Promise<boolean> {
  const [row] = await q.query<{ two_factor_required: boolean }>("select two_factor_required from clinics where id = $1", [clinicId]);
  return row?.two_factor_required ?? false;
}

export async function setTwoFactorRequired(q: Queryable, clinicId: ClinicId, required: boolean): Promise<void> {
  await q.query("update clinics set two_factor_required = $2 where id = $1", [clinicId, required]);
}
