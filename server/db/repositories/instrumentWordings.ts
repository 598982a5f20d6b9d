import type { InstrumentWording, ItemWording } from "../../../domain/assessment/instruments/wording.ts";
import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface InstrumentWordingRecord extends InstrumentWording {
  instrument: string;
  importedAt: string;
}

interface Row {
  instrument: string;
  title: string;
  copyright: string | null;
  source_url: string | null;
  source_version: string | null;
  items: ItemWording[];
  imported_at: Date;
}

const toRecord = (row: Row): InstrumentWordingRecord => ({
  instrument: row.instrument,
  title: row.title,
  copyright: row.copyright,
  url: row.source_url,
  version: row.source_version,
  items: row.items,
  importedAt: isoTimestamp(row.imported_at),
});

export async function listInstrumentWordings(q: Queryable, clinicId: ClinicId): Promise<InstrumentWordingRecord[]> {
  const rows = await q.query<Row>(
    "select instrument, title, copyright, source_url, source_version, items, imported_at from instrument_wordings where clinic_id = $1 order by instrument",
    [clinicId],
  );
  return rows.map(toRecord);
}

export async function saveInstrumentWording(
  q: Queryable,
  clinicId: ClinicId,
  instrument: string,
  wording: InstrumentWording,
  importedBy: UserId,
): Promise<InstrumentWordingRecord> {
  const [row] = await q.query<Row>(
    `insert into instrument_wordings (clinic_id, instrument, title, copyright, source_url, source_version, items, imported_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (clinic_id, instrument) do update set
       title = excluded.title, copyright = excluded.copyright, source_url = excluded.source_url,
       source_version = excluded.source_version, items = excluded.items, imported_by = excluded.imported_by, imported_at = now()
     returning instrument, title, copyright, source_url, source_version, items, imported_at`,
    [clinicId, instrument, wording.title, wording.copyright, wording.url, wording.version, JSON.stringify(wording.items), importedBy],
  );
  return toRecord(row!);
}

export async function deleteInstrumentWording(q: Queryable, clinicId: ClinicId, instrument: string): Promise<boolean> {
  const rows = await q.query("delete from instrument_wordings where clinic_id = $1 and instrument = $2 returning instrument", [clinicId, instrument]);
  return rows.length > 0;
}
