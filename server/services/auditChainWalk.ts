/**
 * Walks one clinic's audit chain from its first entry and says whether it is
 * intact or where it first breaks (decision record 0020). Every entry's hash
 * is recomputed here (server/db/auditEntryHash.ts) and compared with the one
 * stored, and with the one the next entry names as the entry before it; the
 * positions must run 1, 2, 3… without a gap or a repeat, end where the head
 * says, and still hold what an earlier intact check saw at its last position.
 * Entries come a page at a time, so memory stays flat for any length of log.
 */
import type { ClinicId } from "../../domain/shared/brand.ts";
import { auditEntryHash, type ChainedAuditEntry } from "../db/auditEntryHash.ts";
import type { Queryable } from "../db/database.ts";
import {
  auditChainEnds,
  auditChainPage,
  auditEntryAt,
  unchainedAuditEntries,
  type AuditChainFinding,
} from "../db/repositories/auditChain.ts";

const PAGE = 5000;

export interface AuditChainWalk {
  intact: boolean;
  /** Entries found sound, in order from the first, before any break. */
  entriesChecked: number;
  /** Positions the chain holds (the head's, or the last entry's if further). */
  entries: number;
  /** The last entry checked sound: its position and hash (write the hash down elsewhere to catch a later rewrite). */
  lastSeq: number | null;
  lastHash: string | null;
  finding: AuditChainFinding | null;
}

/** What an earlier check found intact: the position it ended at and the hash there. */
export interface ChainReference {
  seq: number;
  hash: string;
  checkedAt: string;
}

const entryName = (e: Pick<ChainedAuditEntry, "chainSeq" | "id">) => `Entry ${e.chainSeq} (audit event ${e.id})`;
const range = (from: number, through: number) => (from === through ? `Entry ${from} is` : `Entries ${from}–${through} are`);

export async function walkAuditChain(q: Queryable, clinicId: ClinicId, reference: ChainReference | null = null): Promise<AuditChainWalk> {
  const ends = await auditChainEnds(q, clinicId);
  const through = Math.max(ends.head?.seq ?? 0, ends.last?.seq ?? 0);
  let previous: ChainedAuditEntry | null = null;
  let checked = 0;
  const result = (finding: AuditChainFinding | null): AuditChainWalk => ({
    intact: finding === null,
    entriesChecked: checked,
    entries: through,
    lastSeq: previous ? Number(previous.chainSeq) : null,
    lastHash: previous?.hash ?? null,
    finding,
  });

  for (;;) {
    const page = await auditChainPage(q, clinicId, {
      fromSeq: previous ? Number(previous.chainSeq) : 0,
      afterId: previous?.id ?? null,
      throughSeq: through,
      limit: PAGE,
    });
    for (const entry of page) {
      const finding = entryFinding(previous, entry);
      if (finding) return result(finding);
      previous = entry;
      checked += 1;
    }
    if (page.length < PAGE) break;
  }

  const lastSeq = previous ? Number(previous.chainSeq) : 0;
  if (ends.head && lastSeq < ends.head.seq) {
    return result({
      kind: "missing",
      seq: lastSeq + 1,
      eventId: null,
      message: `${range(lastSeq + 1, ends.head.seq)} missing: deleted from the end of the log (its head says ${ends.head.seq} entries).`,
    });
  }
  if (previous && (!ends.head || ends.head.seq < lastSeq || ends.head.hash !== previous.hash)) {
    return result({
      kind: "end",
      seq: lastSeq,
      eventId: previous.id,
      message: ends.head
        ? `${entryName(previous)}, the last, does not match the log's head: it was changed and given a new hash, or added with the chain switched off.`
        : `The log's head is gone: the chain's end was edited in the database.`,
    });
  }
  const unchained = await unchainedAuditEntries(q, clinicId);
  if (unchained.count > 0) {
    return result({
      kind: "inserted",
      seq: lastSeq + 1,
      eventId: unchained.firstId,
      message: `${unchained.count} ${unchained.count === 1 ? "entry has" : "entries have"} no place in the chain (audit event ${unchained.firstId} first): inserted with the chain switched off.`,
    });
  }
  if (reference && reference.seq <= lastSeq) {
    const then = await auditEntryAt(q, clinicId, reference.seq);
    if (then?.hash !== reference.hash) {
      return result({
        kind: "changed_since_check",
        seq: reference.seq,
        eventId: then?.id ?? null,
        message: `Entry ${reference.seq} is not the entry the check of ${reference.checkedAt} found there: the log up to it was rewritten, hashes and all.`,
      });
    }
  } else if (reference && reference.seq > lastSeq) {
    return result({
      kind: "missing",
      seq: lastSeq + 1,
      eventId: null,
      message: `${range(lastSeq + 1, reference.seq)} missing: the check of ${reference.checkedAt} found ${reference.seq} entries.`,
    });
  }
  return result(null);
}

/** What is wrong with `entry` coming after `previous` (null: the first position), or null when it follows soundly. */
function entryFinding(previous: ChainedAuditEntry | null, entry: ChainedAuditEntry): AuditChainFinding | null {
  const expected = previous ? Number(previous.chainSeq) + 1 : 1;
  const seq = Number(entry.chainSeq);
  if (seq < expected) {
    return { kind: "inserted", seq, eventId: entry.id, message: `${entryName(entry)} is a second entry at one place in the chain: inserted into the log.` };
  }
  if (seq > expected) {
    return {
      kind: "missing",
      seq: expected,
      eventId: null,
      message: `${range(expected, seq - 1)} missing: deleted from the log. ${entryName(entry)} comes next.`,
    };
  }
  if (auditEntryHash(entry) !== entry.hash) {
    return {
      kind: "altered",
      seq,
      eventId: entry.id,
      message: `${entryName(entry)} does not match its hash: it was changed, or moved in the log, after it was written.`,
    };
  }
  if (entry.prevHash !== (previous?.hash ?? null)) {
    return previous
      ? {
          kind: "relinked",
          seq: expected - 1,
          eventId: previous.id,
          message: `${entryName(previous)} was changed and given a new hash: ${entryName(entry)} was chained to a different one.`,
        }
      : { kind: "relinked", seq, eventId: entry.id, message: `${entryName(entry)} names an entry before the first: entries before it were deleted.` };
  }
  return null;
}
