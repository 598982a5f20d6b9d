/**
 * Removing the demo clinic when a clinic goes live (issue 10): its synthetic
 * staff, patients and records go in one transaction, and the removal itself
 * is recorded outside any clinic (clinic_removals), with who asked and how
 * many rows went. Only the clinic marked demo can go; a real clinic's records
 * are never deleted.
 */
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { Database } from "../db/database.ts";
import { deleteDemoClinicRows, findDemoClinic, recordClinicRemoval } from "../db/repositories/clinicRemoval.ts";
import { findClinic } from "../db/repositories/clinics.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface DemoRemoval {
  clinicName: string;
  rowsRemoved: Record<string, number>;
}

async function remove(db: Database, clinicId: ClinicId, removedBy: string): Promise<Outcome<DemoRemoval>> {
  return db.transaction(async (tx) => {
    const demo = await findDemoClinic(tx);
    if (!demo || demo.id !== clinicId) return fail("NOT_THE_DEMO_CLINIC");
    const rowsRemoved = await deleteDemoClinicRows(tx, clinicId);
    await recordClinicRemoval(tx, { clinicId, clinicName: demo.name, removedBy, rowsRemoved });
    return ok({ clinicName: demo.name, rowsRemoved });
  });
}

/** From the app: the demo clinic's own owner, typing its name to confirm. */
export async function removeOwnDemoClinic(db: Database, actor: Actor, confirmName: string, removedBy: string): Promise<Outcome<DemoRemoval>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  const clinic = await findClinic(db, actor.clinicId);
  if (!clinic) return fail("CLINIC_NOT_FOUND");
  if (confirmName.trim() !== clinic.name) return fail("REMOVAL_NOT_CONFIRMED", undefined, { confirmName: `Type “${clinic.name}”.` });
  return remove(db, actor.clinicId, removedBy);
}

/** From the command line (`acuback demo remove`): whoever runs it on the server's machine. */
export async function removeDemoClinicFromCli(db: Database, removedBy: string): Promise<Outcome<DemoRemoval>> {
  const demo = await findDemoClinic(db);
  if (!demo) return fail("NOT_THE_DEMO_CLINIC", "There is no demo clinic in this database.");
  return remove(db, demo.id, removedBy);
}
