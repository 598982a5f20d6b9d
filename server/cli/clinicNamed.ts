import type { Queryable } from "../db/database.ts";
import { findClinicByNameOrId } from "../db/repositories/clinics.ts";

/** The clinic a command's `--clinic` names, by id or name; says so and sets exit code 2 when there is none. */
export async function clinicNamed(q: Queryable, named: string, command: string) {
  const clinic = await findClinicByNameOrId(q, named);
  if (!clinic) {
    console.error(`acuback ${command}: no clinic is named or numbered "${named}".`);
    process.exitCode = 2;
  }
  return clinic;
}
