/**
 * The clinic's questionnaire wording: owners load licensed wording as a FHIR
 * Questionnaire, and every form the clinic shows (in the chart and on the
 * patient's report page) uses it. Audited like any other change.
 */
import { INSTRUMENTS, instrumentById } from "../../domain/assessment/instruments/registry.ts";
import { formOf, wordingFromQuestionnaire, type InstrumentForm } from "../../domain/assessment/instruments/wording.ts";
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { deleteInstrumentWording, listInstrumentWordings, saveInstrumentWording } from "../db/repositories/instrumentWordings.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface ClinicQuestionnaire extends InstrumentForm {
  owner: string;
  licence: string;
  /** When the clinic's wording was loaded; null while our labels are shown. */
  importedAt: string | null;
}

/** Every instrument as this clinic's forms show it. */
export async function clinicQuestionnaires(q: Queryable, clinicId: ClinicId): Promise<ClinicQuestionnaire[]> {
  const wordings = await listInstrumentWordings(q, clinicId);
  return Object.values(INSTRUMENTS).map((instrument) => {
    const wording = wordings.find((w) => w.instrument === instrument.id) ?? null;
    const form = formOf(instrument, wording);
    return { ...form, owner: instrument.owner, licence: instrument.licence, importedAt: form.wording ? wording!.importedAt : null };
  });
}

export async function questionnairesOf(db: Database, actor: Actor): Promise<Outcome<ClinicQuestionnaire[]>> {
  return ok(await clinicQuestionnaires(db, actor.clinicId));
}

export async function importWording(
  db: Database,
  actor: Actor,
  instrumentId: string,
  resource: unknown,
): Promise<Outcome<{ questionnaire: ClinicQuestionnaire; notes: string[] }>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  const instrument = instrumentById(instrumentId);
  if (!instrument) return fail("INSTRUMENT_NOT_FOUND");
  const imported = wordingFromQuestionnaire(instrument, resource);
  if (!imported.ok) {
    return fail(
      "QUESTIONNAIRE_NOT_MAPPABLE",
      imported.problems.map((p) => p.message).join(" "),
      Object.fromEntries(imported.problems.map((p) => [p.at, p.message])),
    );
  }
  return db.transaction(async (tx) => {
    await saveInstrumentWording(tx, actor.clinicId, instrument.id, imported.wording, actor.userId);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "instrument_wording", entityId: instrument.id, ip: actor.ip });
    const questionnaire = (await clinicQuestionnaires(tx, actor.clinicId)).find((f) => f.id === instrument.id)!;
    return ok({ questionnaire, notes: imported.notes });
  });
}

export async function removeWording(db: Database, actor: Actor, instrumentId: string): Promise<Outcome<null>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await deleteInstrumentWording(tx, actor.clinicId, instrumentId))) return fail("INSTRUMENT_WORDING_NOT_FOUND");
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "delete", entity: "instrument_wording", entityId: instrumentId, ip: actor.ip });
    return ok(null);
  });
}
