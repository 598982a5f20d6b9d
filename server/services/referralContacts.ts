/**
 * A clinic's referral contacts: directory entries it keeps to refer patients
 * to, with a note. Clinic data, not patient records: everyone on the staff may
 * read them, owners and practitioners save and remove them (referring is a
 * clinical choice). Saving, changing and removing are audited. Each contact
 * shows how the directory's entry stands now against the saved snapshot.
 */
import { directoryStanding, snapshotOf, type DirectoryStanding, type ReferralSnapshot } from "../../domain/directory/referralSnapshot.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { directoryEntries } from "../db/repositories/directoryLookup.ts";
import {
  deleteReferralContact,
  findReferralContact,
  insertReferralContact,
  listReferralContacts,
  replaceReferralSnapshot,
  updateReferralNote,
  type ReferralContactRecord,
} from "../db/repositories/referralContacts.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface ReferralContact extends ReferralContactRecord {
  directory: DirectoryStanding;
}

async function withStanding(db: Database, contacts: ReferralContactRecord[]): Promise<ReferralContact[]> {
  const current = await directoryEntries(db, contacts.map((c) => c.snapshot.npi));
  return contacts.map((c) => {
    const entry = current.get(c.snapshot.npi);
    return { ...c, directory: directoryStanding(c.snapshot, entry ? snapshotOf(entry) : null) };
  });
}

export async function referralContactsOf(db: Database, actor: Actor): Promise<Outcome<ReferralContact[]>> {
  return ok(await withStanding(db, await listReferralContacts(db, actor.clinicId)));
}

async function one(db: Database, actor: Actor, id: string): Promise<Outcome<ReferralContact>> {
  const found = await findReferralContact(db, actor.clinicId, id);
  if (!found) return fail("REFERRAL_CONTACT_NOT_FOUND");
  return ok((await withStanding(db, [found]))[0]!);
}

/** Saves the directory's entry for the NPI as it is now: the snapshot comes from the directory, never from the client. */
export async function saveReferralContact(db: Database, actor: Actor, input: { npi: string; note: string | null }): Promise<Outcome<ReferralContact>> {
  const refused = denied(actor, "referrals.manage");
  if (refused) return refused;
  const entry = (await directoryEntries(db, [input.npi])).get(input.npi);
  if (!entry) return fail("DIRECTORY_ENTRY_NOT_FOUND", `The directory does not list NPI ${input.npi}; search it again, a recent import may have removed the entry.`);
  const id = await db.transaction(async (tx) => {
    const saved = await insertReferralContact(tx, actor.clinicId, actor.userId, snapshotOf(entry), input.note);
    if (saved) {
      await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "referral_contact", entityId: saved, ip: actor.ip, detail: { npi: input.npi } });
    }
    return saved;
  });
  if (!id) return fail("REFERRAL_CONTACT_EXISTS", "It is already in the clinic's referral contacts.", { npi: "Already saved." });
  return one(db, actor, id);
}

/** A new note, and/or the directory's current details taken as the contact's (after the clinic has checked a change). */
export async function changeReferralContact(db: Database, actor: Actor, id: string, change: { note?: string | null | undefined; takeCurrent?: boolean | undefined }): Promise<Outcome<ReferralContact>> {
  const refused = denied(actor, "referrals.manage");
  if (refused) return refused;
  const found = await one(db, actor, id);
  if (!found.ok) return found;
  const standing = found.value.directory;
  if (change.takeCurrent && standing.kind === "gone") {
    return fail("DIRECTORY_ENTRY_NOT_FOUND", "The directory no longer lists this provider, so there are no current details to take; keep the contact as saved or remove it.");
  }
  await db.transaction(async (tx) => {
    if (change.note !== undefined) await updateReferralNote(tx, actor.clinicId, id, change.note);
    const current: ReferralSnapshot | null = change.takeCurrent && standing.kind === "changed" ? standing.current : null;
    if (current) await replaceReferralSnapshot(tx, actor.clinicId, id, current);
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "referral_contact",
      entityId: id,
      ip: actor.ip,
      detail: { npi: found.value.snapshot.npi, note: change.note !== undefined, tookCurrentDetails: current !== null },
    });
  });
  return one(db, actor, id);
}

export async function removeReferralContact(db: Database, actor: Actor, id: string): Promise<Outcome<null>> {
  const refused = denied(actor, "referrals.manage");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const found = await findReferralContact(tx, actor.clinicId, id);
    if (!found || !(await deleteReferralContact(tx, actor.clinicId, id))) return fail("REFERRAL_CONTACT_NOT_FOUND");
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "delete", entity: "referral_contact", entityId: id, ip: actor.ip, detail: { npi: found.snapshot.npi } });
    return ok(null);
  });
}
