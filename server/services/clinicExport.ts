/**
 * A clinic's own records, identified and whole, for an owner taking the
 * clinic's data away: one CSV file per table of the clinic's rows (every
 * column as stored, nested charts as JSON), entries in error and revisions
 * included, and a data dictionary. Read from the database's own catalogue,
 * so a table or column added later is exported without anyone remembering.
 *
 * Left out: sign-in sessions (keys, not records) and every secret column (a
 * hash of a password or token is still something to guess against).
 * Written as streams a page of rows at a time, so a large clinic does not
 * have to fit in memory.
 */
import { Readable } from "node:stream";
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { csvOf, zipWriter, type CsvValue } from "./csvZip.ts";

const LEFT_OUT_TABLES = new Set(["sessions"]);
// secret_sealed: an authenticator's secret (sealed, but still the secret); code_hash: recovery codes (migration 0031).
const SECRET_COLUMNS = new Set(["password_hash", "token_hash", "csrf_token", "secret_sealed", "code_hash"]);
const PAGE = 2000;

/** What the main files hold, for the dictionary; every other file is named after its table. */
const TABLE_NOTES: Record<string, string> = {
  clinics: "The clinic: name, address, phone, tax id, NPI and settings",
  users: "Staff accounts: names, e-mails, roles, credentials (no passwords)",
  patients: "Patients' demographics and record numbers; status shows merged or registered-in-error records",
  episodes: "Back-pain episodes (courses of care) with the intake answers",
  red_flag_screens: "Red-flag screens of each episode: answers, outcome and any acknowledgement",
  visits: "Visits; chart holds the treatment (points, sides, depths, needles, e-stim), SOAP notes and findings as JSON",
  visit_amendments: "Amendments to signed visits, with their reasons",
  record_revisions: "Every correction of an entry: before, after, reason and author",
  audit_events: "The audit log: who read or changed what, and when",
};

export interface ExportTable {
  table: string;
  file: string;
  columns: { name: string; type: string }[];
  /** Columns that order the rows stably page after page (the primary key, else every column). */
  order: string[];
}

/** The clinic's tables and their exportable columns, from information_schema. */
export async function clinicTables(q: Queryable): Promise<ExportTable[]> {
  const columns = await q.query<{ table_name: string; column_name: string; data_type: string }>(
    `select c.table_name, c.column_name, c.data_type
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
  );
  const keys = await q.query<{ table_name: string; column_name: string }>(
    `select k.table_name, k.column_name
       from information_schema.table_constraints c
       join information_schema.key_column_usage k on k.constraint_schema = c.constraint_schema and k.constraint_name = c.constraint_name
      where c.table_schema = 'public' and c.constraint_type = 'PRIMARY KEY'
      order by k.table_name, k.ordinal_position`,
  );
  const tables = new Map<string, { name: string; type: string }[]>();
  for (const c of columns) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), { name: c.column_name, type: c.data_type }]);
  const result: ExportTable[] = [];
  for (const [table, all] of tables) {
    const belongs = table === "clinics" || all.some((c) => c.name === "clinic_id");
    if (!belongs || LEFT_OUT_TABLES.has(table)) continue;
    const kept = all.filter((c) => !SECRET_COLUMNS.has(c.name));
    const key = keys.filter((k) => k.table_name === table).map((k) => k.column_name);
    result.push({ table, file: `${table}.csv`, columns: kept, order: key.length > 0 ? key : kept.map((c) => c.name) });
  }
  return result;
}

const owned = (t: ExportTable) => (t.table === "clinics" ? "id = $1" : "clinic_id = $1");
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function cell(value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return value as CsvValue;
}

export async function rowCount(q: Queryable, clinicId: ClinicId, t: ExportTable): Promise<number> {
  const [row] = await q.query<{ n: number | string }>(`select count(*) as n from ${quoted(t.table)} where ${owned(t)}`, [clinicId]);
  return Number(row?.n ?? 0);
}

/** One table's CSV, header first, a page of rows at a time. */
export function tableCsv(q: Queryable, clinicId: ClinicId, t: ExportTable): Readable {
  const names = t.columns.map((c) => c.name);
  const sql = `select ${names.map(quoted).join(", ")} from ${quoted(t.table)} where ${owned(t)} order by ${t.order.map(quoted).join(", ")} limit ${PAGE} offset $2`;
  return Readable.from(
    (async function* () {
      yield csvOf(names, []);
      for (let offset = 0; ; offset += PAGE) {
        const rows = await q.query<Record<string, unknown>>(sql, [clinicId, offset]);
        if (rows.length > 0) yield csvOf(names, rows.map((row) => names.map((name) => cell(row[name]))), false);
        if (rows.length < PAGE) return;
      }
    })(),
  );
}

export function dataDictionary(tables: readonly ExportTable[]): string {
  return csvOf(
    ["file", "column", "type", "holds"],
    tables.flatMap((t) => t.columns.map((c, i) => [t.file, c.name, c.type, i === 0 ? (TABLE_NOTES[t.table] ?? "") : ""])),
  );
}

/**
 * The whole export as one zip for an owner, streamed as it is written.
 * Audited before the first byte, with each file's row count.
 */
export async function clinicExportZip(db: Database, actor: Actor): Promise<Outcome<NodeJS.ReadableStream>> {
  const refused = denied(actor, "data.export");
  if (refused) return refused;
  const tables = await clinicTables(db);
  const counts = Object.fromEntries(await Promise.all(tables.map(async (t) => [t.file, await rowCount(db, actor.clinicId, t)] as const)));
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "clinic_export", ip: actor.ip, detail: counts });
  const zip = zipWriter();
  for (const t of tables) zip.addStream(t.file, tableCsv(db, actor.clinicId, t));
  zip.addText("data_dictionary.csv", dataDictionary(tables));
  zip.end();
  return ok(zip.stream);
}
