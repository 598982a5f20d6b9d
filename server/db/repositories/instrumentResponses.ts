import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface InstrumentResponseRecord {
  id: string;
  patientId: PatientId;
  instrument: string;
  version: string;
  answers: (number | null)[];
  score: number;
  unit: string;
  band: string | null;
  subscales: Record<string, number>;
  recordedOn: CalendarDate;
  source: "clinic" | "patient-link";
  createdAt: string;
  /** Kept, but read by no chart, status or total (domain/shared/correction.ts). */
  enteredInError: boolean;
  /** When the response was last corrected; null when it stands as first entered. */
  revisedAt: string | null;
}

interface Row {
  id: string;
  patient_id: PatientId;
  instrument: string;
  version: string;
  answers: (number | null)[] | string;
  score: string | number;
  unit: string;
  band: string | null;
  subscales: Record<string, number> | string;
  recorded_on: CalendarDate;
  source: "clinic" | "patient-link";
  created_at: Date;
  entered_in_error: boolean;
  revised_at: Date | null;
}

const COLUMNS = "id, patient_id, instrument, version, answers, score, unit, band, subscales, recorded_on, source, created_at, entered_in_error, revised_at";
/** The same columns from the table itself: a new entry has no revision yet. */
const NEW_COLUMNS =
  "id, patient_id, instrument, version, answers, score, unit, band, subscales, recorded_on, source, created_at, false as entered_in_error, null::timestamptz as revised_at";
const json = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

function toResponse(row: Row): InstrumentResponseRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    instrument: row.instrument,
    version: row.version,
    answers: json(row.answers),
    score: Number(row.score),
    unit: row.unit,
    band: row.band,
    subscales: json(row.subscales),
    recordedOn: row.recorded_on,
    source: row.source,
    createdAt: isoTimestamp(row.created_at),
    enteredInError: row.entered_in_error,
    revisedAt: row.revised_at ? isoTimestamp(row.revised_at) : null,
  };
}

export async function insertInstrumentResponse(
  q: Queryable,
  clinicId: ClinicId,
  patientId: PatientId,
  response: Omit<InstrumentResponseRecord, "id" | "patientId" | "createdAt" | "enteredInError" | "revisedAt">,
  createdBy: UserId | null,
): Promise<InstrumentResponseRecord> {
  const [row] = await q.query<Row>(
    `insert into instrument_responses (clinic_id, patient_id, instrument, version, answers, score, unit, band, subscales, recorded_on, source, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning ${NEW_COLUMNS}`,
    [
      clinicId,
      patientId,
      response.instrument,
      response.version,
      JSON.stringify(response.answers),
      response.score,
      response.unit,
      response.band,
      JSON.stringify(response.subscales),
      response.recordedOn,
      response.source,
      createdBy,
    ],
  );
  return toResponse(row!);
}

/** As they stand now (corrections applied), entries in error included and marked; oldest first, as charts and trajectories read them. */
export async function listInstrumentResponses(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<InstrumentResponseRecord[]> {
  const rows = await q.query<Row>(
    `select ${COLUMNS} from instrument_responses_current where clinic_id = $1 and patient_id = $2 order by recorded_on, created_at`,
    [clinicId, patientId],
  );
  return rows.map(toResponse);
}

export async function findInstrumentResponse(q: Queryable, clinicId: ClinicId, id: string): Promise<InstrumentResponseRecord | null> {
  const [row] = await q.query<Row>(`select ${COLUMNS} from instrument_responses_current where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ? toResponse(row) : null;
}
