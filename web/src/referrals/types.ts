/** The shapes of /api/v1/referral-contacts and /api/v1/directory/imports (server/http/routes/). */
import type { EntityType } from "../../../domain/directory/provider.ts";
import type { SnapshotField } from "../../../domain/directory/referralSnapshot.ts";

export interface Snapshot {
  npi: string;
  entity: EntityType;
  name: string;
  credential: string | null;
  license: { number: string | null; state: string | null };
  address: { line1: string; line2: string | null; city: string; state: string | null; postalCode: string | null };
  phone: string | null;
  lastUpdateDate: string | null;
}

export interface ReferralContact {
  id: string;
  snapshot: Snapshot;
  note: string | null;
  savedByName: string | null;
  savedAt: string;
  directory: { kind: "unchanged" } | { kind: "gone" } | { kind: "changed"; changes: { field: SnapshotField; saved: string | null; now: string | null }[]; current: Snapshot };
}

export interface ImportReport {
  file: string;
  mode: "full" | "weekly";
  bytesRead: number;
  rowsRead: number;
  matched: number;
  imported: number;
  updated: number;
  removed: number;
  skipped: { unchanged: number; olderThanStored: number; deactivated: number };
  removedBy: { deactivated: number; taxonomyDropped: number; absentFromFullFile: number };
  locationApproximate: number;
  malformed: { count: number; rows: { line: number; reason: string }[] };
  seconds: number;
}

export interface DirectoryUpload {
  id: string;
  fileName: string;
  mode: "full" | "weekly" | null;
  phase: "waiting" | "receiving" | "importing" | "done" | "failed";
  bytesExpected: number;
  bytesReceived: number;
  bytesScanned: number;
  fileBytes: number;
  rowsRead: number;
  report: ImportReport | null;
  problem: string | null;
}
