/**
 * Clinic staff accounts: the owner adds practitioners and front-desk users,
 * changes roles, deactivates leavers; everyone changes their own password.
 */
import type { ClinicId, UserId } from "../../domain/shared/brand.ts";
import type { Role } from "../../domain/access/roles.ts";
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from "../../domain/access/passwordPolicy.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import type { RateCounter } from "../db/rateCounter.ts";
import { deleteUserSessions } from "../db/repositories/signInSessions.ts";
import {
  countActiveOwners,
  findUser,
  findUserByEmail,
  insertUser,
  listUsers,
  setPasswordHash,
  updateUser,
  withoutSecret,
  type User,
} from "../db/repositories/users.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export interface NewAccount {
  clinicId: ClinicId;
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Creates an account after checking the password policy; shared by the API, the CLI and the demo loader. */
export async function createAccount(q: Queryable, account: NewAccount): Promise<Outcome<User>> {
  const problem = passwordProblem(account.password, { email: account.email });
  if (problem) return fail("PASSWORD_REJECTED", PASSWORD_PROBLEM_TEXT[problem], { password: PASSWORD_PROBLEM_TEXT[problem] });
  const passwordHash = await hashPassword(account.password);
  const user = await insertUser(q, { ...account, email: account.email.trim(), passwordHash });
  return user ? ok(user) : fail("EMAIL_TAKEN", undefined, { email: "Already in use." });
}

export interface StaffChanges {
  role?: Role | undefined;
  active?: boolean | undefined;
  displayName?: string | undefined;
  /** Years in practice, training, licence (STRICTA 5); null clears it. */
  background?: string | null | undefined;
}

export async function listStaff(db: Database, actor: Actor): Promise<Outcome<User[]>> {
  return denied(actor, "staff.manage") ?? ok(await listUsers(db, actor.clinicId));
}

/**
 * How many times an hour one owner may be told that an e-mail belongs to an
 * account at another clinic. E-mails are unique across the server (signing
 * in asks for nothing else), so refusing the address reveals that it is in use
 * somewhere; this keeps that to a handful of addresses an hour, and each
 * answer is in both clinics' audit logs, so probing is seen (decision 0003).
 */
export const CROSS_CLINIC_EMAIL_ANSWERS_PER_HOUR = 5;

export async function addStaff(
  db: Database,
  actor: Actor,
  input: Omit<NewAccount, "clinicId">,
  counter: RateCounter,
): Promise<Outcome<User>> {
  const refused = denied(actor, "staff.manage");
  if (refused) return refused;
  // Past the limit every add waits, whatever the address: answering only taken ones would still tell them apart.
  const probeKey = `cross-clinic e-mail answers ${actor.userId}`;
  if ((await counter.peek(probeKey, 3_600_000)).count >= CROSS_CLINIC_EMAIL_ANSWERS_PER_HOUR) {
    return fail("RATE_LIMITED", "Several e-mails of other clinics' accounts were tried in the last hour; adding staff waits until the hour is over.");
  }
  const outcome = await db.transaction(async (tx) => {
    const created = await createAccount(tx, { ...input, clinicId: actor.clinicId });
    if (created.ok) {
      await appendAuditEvent(tx, {
        clinicId: actor.clinicId,
        userId: actor.userId,
        action: "create",
        entity: "user",
        entityId: created.value.id,
        ip: actor.ip,
        detail: { role: created.value.role },
      });
    }
    return created;
  });
  if (outcome.ok || outcome.code !== "EMAIL_TAKEN") return outcome;
  const holder = await findUserByEmail(db, input.email.trim());
  if (!holder || holder.clinicId === actor.clinicId) return fail("EMAIL_TAKEN", "Someone in this clinic already has this e-mail.", { email: "Already in use in this clinic." });
  await counter.hit(probeKey, 3_600_000);
  // Ids only: neither log names the other clinic or the address.
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "denied", entity: "user", ip: actor.ip, detail: { reason: "e-mail in use at another clinic" } });
  await appendAuditEvent(db, { clinicId: holder.clinicId, userId: null, action: "denied", entity: "user", entityId: holder.id, ip: null, detail: { reason: "another clinic tried to add this account's e-mail" } });
  return fail("EMAIL_TAKEN", "This e-mail belongs to an account at another clinic on this server; each account has its own e-mail.", { email: "Already in use." });
}

export async function changeStaff(
  db: Database,
  actor: Actor,
  userId: UserId,
  changes: StaffChanges,
): Promise<Outcome<User>> {
  const refused = denied(actor, "staff.manage");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const current = await findUser(tx, actor.clinicId, userId);
    if (!current) return fail("USER_NOT_FOUND");
    const losesOwner =
      current.role === "owner" && current.active && (changes.active === false || (changes.role && changes.role !== "owner"));
    if (losesOwner && (await countActiveOwners(tx, actor.clinicId)) <= 1) return fail("LAST_OWNER");
    const updated = await updateUser(tx, actor.clinicId, userId, changes);
    if (!updated) return fail("USER_NOT_FOUND");
    if (changes.active === false) await deleteUserSessions(tx, userId);
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "user",
      entityId: userId,
      ip: actor.ip,
      detail: { fields: Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined) },
    });
    return ok(updated);
  });
}

/** The signed-in user's own account, with the background they keep. */
export async function ownAccount(db: Database, actor: Actor): Promise<Outcome<User>> {
  const user = await findUser(db, actor.clinicId, actor.userId);
  return user ? ok(withoutSecret(user)) : fail("USER_NOT_FOUND");
}

/** Anyone may keep their own background (training, licence) up to date; owners can also change it on the Staff page. */
export async function changeOwnBackground(db: Database, actor: Actor, background: string | null): Promise<Outcome<User>> {
  return db.transaction(async (tx) => {
    const updated = await updateUser(tx, actor.clinicId, actor.userId, { background });
    if (!updated) return fail("USER_NOT_FOUND");
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "user",
      entityId: actor.userId,
      ip: actor.ip,
      detail: { fields: ["background"] },
    });
    return ok(updated);
  });
}

/** Changes the actor's own password and signs out their other sessions. */
export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionHash: string,
): Promise<Outcome<null>> {
  const user = await findUser(db, actor.clinicId, actor.userId);
  if (!user) return fail("USER_NOT_FOUND");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return fail("CURRENT_PASSWORD_WRONG", undefined, { currentPassword: "Not correct." });
  }
  const problem = passwordProblem(input.newPassword, { email: user.email });
  if (problem) return fail("PASSWORD_REJECTED", PASSWORD_PROBLEM_TEXT[problem], { newPassword: PASSWORD_PROBLEM_TEXT[problem] });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.clinicId, actor.userId, passwordHash);
    await deleteUserSessions(tx, actor.userId, keepSessionHash);
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "user",
      entityId: actor.userId,
      ip: actor.ip,
      detail: { fields: ["password"] },
    });
  });
  return ok(null);
}
