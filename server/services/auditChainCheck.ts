/**
 * Checking a clinic's audit chain on request (the owner's audit page, or
 * `acuback audit verify`) and showing the last check. A check walks the whole
 * chain (auditChainWalk.ts), so the page does not run one on every visit: it
 * shows the last check's result and how many entries were added since, and
 * runs a new one when the owner asks (decision record 0020). Each check is
 * recorded and is itself an audit entry.
 */
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { auditChainEnds, insertAuditChainCheck, latestAuditChainCheck, type AuditChainCheck } from "../db/repositories/auditChain.ts";
import type { Clinic } from "../db/repositories/clinics.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { walkAuditChain, type AuditChainWalk } from "./auditChainWalk.ts";

export interface AuditChainStatus {
  /** The latest check, null before the first. */
  lastCheck: AuditChainCheck | null;
  /** Entries in the chain now. */
  entriesNow: number;
  /** Entries written after the last check's own entry: not checked yet (all of them before a first check). */
  entriesSinceCheck: number;
}

/**
 * Walks the chain, compared with the last intact check, and records what it
 * found: in the audit log itself (chained like every entry, so the finding
 * cannot quietly go) and in audit_chain_checks, which notes the place of
 * that audit entry so the page can count what came after it.
 */
async function runCheck(db: Database, clinicId: ClinicId, checkedBy: Actor | null): Promise<AuditChainWalk & { checkedAt: string }> {
  const reference = await latestAuditChainCheck(db, clinicId, { intactOnly: true });
  const walk = await walkAuditChain(
    db,
    clinicId,
    reference?.lastSeq != null && reference.lastHash ? { seq: reference.lastSeq, hash: reference.lastHash, checkedAt: reference.checkedAt } : null,
  );
  const checkedAt = await db.transaction(async (tx) => {
    await appendAuditEvent(tx, {
      clinicId,
      userId: checkedBy?.userId ?? null,
      action: "read",
      entity: "audit_chain",
      ip: checkedBy?.ip ?? null,
      detail: {
        check: "run",
        intact: walk.intact,
        entriesChecked: walk.entriesChecked,
        ...(walk.finding && { brokenAt: walk.finding.seq }),
        ...(!checkedBy && { via: "cli" }),
      },
    });
    // The clinic's appends wait for this transaction, so its last entry is the one just written.
    const { last } = await auditChainEnds(tx, clinicId);
    return insertAuditChainCheck(tx, clinicId, {
      checkedBy: checkedBy?.userId ?? null,
      entriesChecked: walk.entriesChecked,
      lastSeq: walk.lastSeq,
      lastHash: walk.lastHash,
      finding: walk.finding,
      entrySeq: last!.seq,
    });
  });
  return { ...walk, checkedAt };
}

async function status(db: Database, clinicId: ClinicId): Promise<AuditChainStatus> {
  const lastCheck = await latestAuditChainCheck(db, clinicId, { intactOnly: false });
  const ends = await auditChainEnds(db, clinicId);
  const entriesNow = Math.max(ends.head?.seq ?? 0, ends.last?.seq ?? 0);
  return { lastCheck, entriesNow, entriesSinceCheck: Math.max(0, entriesNow - (lastCheck?.entrySeq ?? 0)) };
}

/** The owner's "Check now": walks the chain and answers with the check just made. */
export async function checkAuditChain(db: Database, actor: Actor): Promise<Outcome<AuditChainStatus>> {
  const refused = denied(actor, "audit.read");
  if (refused) return refused;
  await runCheck(db, actor.clinicId, actor);
  return ok(await status(db, actor.clinicId));
}

/** What the audit page shows on arrival: the last check, without walking the chain again. */
export async function lastAuditChainCheck(db: Database, actor: Actor): Promise<Outcome<AuditChainStatus>> {
  const refused = denied(actor, "audit.read");
  if (refused) return refused;
  const current = await status(db, actor.clinicId);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "audit_chain",
    ip: actor.ip,
    detail: { check: "last", ...(current.lastCheck && { intact: current.lastCheck.intact }) },
  });
  return ok(current);
}

export interface ClinicChainCheck extends AuditChainWalk {
  clinicId: string;
  clinicName: string;
  checkedAt: string;
  seconds: number;
}

/** `acuback audit verify`: whoever runs it on the server's machine, directly or through the running server's control socket. */
export async function checkClinicChains(db: Database, clinics: readonly Clinic[]): Promise<ClinicChainCheck[]> {
  const results: ClinicChainCheck[] = [];
  for (const clinic of clinics) {
    const started = performance.now();
    const check = await runCheck(db, clinic.id as ClinicId, null);
    results.push({ clinicId: clinic.id, clinicName: clinic.name, ...check, seconds: Number(((performance.now() - started) / 1000).toFixed(3)) });
  }
  return results;
}
