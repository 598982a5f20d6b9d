import type { Acknowledgement } from "../../../domain/assessment/redFlagAcknowledgement.ts";
import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface RedFlagScreenRecord {
  id: string;
  episodeId: string;
  answers: Record<string, boolean>;
  outcome: "clear" | "stop";
  positives: string[];
  emergency: boolean;
  /** Free-text "justified" resolutions are from before decision record 0011; new ones are referred or acknowledged. */
  resolution: ScreenResolutionKind | null;
  resolutionNote: string | null;
  /** The listed reason a lone weak flag was acknowledged with. */
  acknowledgement: Acknowledgement | null;
  resolvedAt: string | null;
  /** The age the age flag was worked out with (null on screens kept before it was stored). */
  ageYears: number | null;
  createdAt: string;
  /** The earlier screen this one corrects, and why (a correction is a new screen: the gate reads the latest). */
  correctsId: string | null;
  correctionReason: string | null;
}

export type ScreenResolutionKind = "referred" | "justified" | "acknowledged";

interface ScreenRow {
  id: string;
  episode_id: string;
  answers: Record<string, boolean> | string;
  outcome: "clear" | "stop";
  positives: string[];
  emergency: boolean;
  resolution: ScreenResolutionKind | null;
  resolution_note: string | null;
  acknowledgement: Acknowledgement | string | null;
  resolved_at: Date | null;
  age_years: number | null;
  created_at: Date;
  corrects_id: string | null;
  correction_reason: string | null;
}

const COLUMNS =
  "id, episode_id, answers, outcome, positives, emergency, resolution, resolution_note, acknowledgement, resolved_at, age_years, created_at, corrects_id, correction_reason";

const parsed = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

function toScreen(row: ScreenRow): RedFlagScreenRecord {
  return {
    id: row.id,
    episodeId: row.episode_id,
    answers: parsed(row.answers),
    outcome: row.outcome,
    positives: row.positives,
    emergency: row.emergency,
    resolution: row.resolution,
    resolutionNote: row.resolution_note,
    acknowledgement: row.acknowledgement === null ? null : parsed(row.acknowledgement),
    resolvedAt: row.resolved_at ? isoTimestamp(row.resolved_at) : null,
    ageYears: row.age_years,
    createdAt: isoTimestamp(row.created_at),
    correctsId: row.corrects_id,
    correctionReason: row.correction_reason,
  };
}

export async function insertRedFlagScreen(
  q: Queryable,
  clinicId: ClinicId,
  screen: {
    episodeId: string;
    answers: Record<string, boolean>;
    outcome: "clear" | "stop";
    positives: string[];
    emergency: boolean;
    ageYears: number | null;
    corrects: { screenId: string; reason: string } | null;
  },
  createdBy: UserId,
): Promise<RedFlagScreenRecord> {
  const [row] = await q.query<ScreenRow>(
    // clock_timestamp: the newest screen is the one the gate reads, so its time must be when it was recorded
    `insert into red_flag_screens (clinic_id, episode_id, answers, outcome, positives, emergency, age_years, created_by, corrects_id, correction_reason, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp()) returning ${COLUMNS}`,
    [
      clinicId,
      screen.episodeId,
      JSON.stringify(screen.answers),
      screen.outcome,
      screen.positives,
      screen.emergency,
      screen.ageYears,
      createdBy,
      screen.corrects?.screenId ?? null,
      screen.corrects?.reason ?? null,
    ],
  );
  return toScreen(row!);
}

/** Screens of the given episodes, newest first. */
export async function listRedFlagScreens(q: Queryable, clinicId: ClinicId, episodeIds: string[]): Promise<RedFlagScreenRecord[]> {
  if (episodeIds.length === 0) return [];
  const rows = await q.query<ScreenRow>(
    `select ${COLUMNS} from red_flag_screens where clinic_id = $1 and episode_id = any($2::uuid[]) order by created_at desc`,
    [clinicId, episodeIds],
  );
  return rows.map(toScreen);
}

export async function findRedFlagScreen(q: Queryable, clinicId: ClinicId, id: string): Promise<RedFlagScreenRecord | null> {
  const [row] = await q.query<ScreenRow>(`select ${COLUMNS} from red_flag_screens where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ? toScreen(row) : null;
}

/** Records how a positive screen was resolved; only once (a resolution is part of the record, not edited). */
export async function resolveRedFlagScreen(
  q: Queryable,
  clinicId: ClinicId,
  id: string,
  resolution: { kind: "referred" | "acknowledged"; note: string | null; acknowledgement: Acknowledgement | null },
  resolvedBy: UserId,
): Promise<RedFlagScreenRecord | null> {
  const [row] = await q.query<ScreenRow>(
    `update red_flag_screens set resolution = $3, resolution_note = $4, acknowledgement = $5, resolved_by = $6, resolved_at = now()
      where clinic_id = $1 and id = $2 and outcome = 'stop' and resolution is null returning ${COLUMNS}`,
    [clinicId, id, resolution.kind, resolution.note, resolution.acknowledgement && JSON.stringify(resolution.acknowledgement), resolvedBy],
  );
  return row ? toScreen(row) : null;
}
