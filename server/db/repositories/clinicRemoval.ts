import type { ClinicId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";

/**
 * Deletes every row of one demo clinic, the clinic last. Tables are found in
 * the schema (every table but four has clinic_id; migrate.test.ts holds that
 * true) and emptied children first, following the foreign keys, so a table
 * added later is removed too without this file changing. Runs inside the
 * caller's transaction, which it names as removing this clinic so the
 * append-only triggers let the demo's rows go (migration 0020).
 * Returns the rows removed per table.
 */
export async function deleteDemoClinicRows(q: Queryable, clinicId: ClinicId): Promise<Record<string, number>> {
  await q.query("select set_config('acuback.removing_demo_clinic', $1, true)", [clinicId]);
  const scoped = (
    await q.query<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and c.column_name = 'clinic_id' and t.table_type = 'BASE TABLE'`,
    )
  ).map((row) => row.table_name);
  const references = await q.query<{ child: string; parent: string }>(
    `select cl.relname as child, pl.relname as parent
       from pg_constraint k join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
      where k.contype = 'f' and cl.relnamespace = (select oid from pg_namespace where nspname = current_schema())`,
  );
  const removed: Record<string, number> = {};
  const left = new Set(scoped);
  while (left.size > 0) {
    // A table may go once no other table still holding rows refers to it (a table referring to itself goes in one statement).
    const ready = [...left].filter((table) => !references.some((ref) => ref.parent === table && ref.child !== table && left.has(ref.child)));
    if (ready.length === 0) throw new Error(`Cannot order the removal: the foreign keys between ${[...left].join(", ")} form a cycle`);
    for (const table of ready.sort()) {
      const rows = await q.query<{ n: number }>(
        `with gone as (delete from ${quoteIdentifier(table)} where clinic_id = $1 returning 1) select count(*)::int as n from gone`,
        [clinicId],
      );
      if (rows[0]!.n > 0) removed[table] = rows[0]!.n;
      left.delete(table);
    }
  }
  await q.query("delete from clinics where id = $1 and demo", [clinicId]);
  return removed;
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected table name ${name}`);
  return `"${name}"`;
}

export interface ClinicRemoval {
  clinicName: string;
  removedBy: string;
  removedAt: string;
  rowsRemoved: Record<string, number>;
}

export async function recordClinicRemoval(
  q: Queryable,
  removal: { clinicId: ClinicId; clinicName: string; removedBy: string; rowsRemoved: Record<string, number> },
): Promise<void> {
  await q.query("insert into clinic_removals (removed_clinic_id, clinic_name, removed_by, rows_removed) values ($1, $2, $3, $4)", [
    removal.clinicId,
    removal.clinicName,
    removal.removedBy,
    JSON.stringify(removal.rowsRemoved),
  ]);
}

export async function findDemoClinic(q: Queryable): Promise<{ id: ClinicId; name: string } | null> {
  const [row] = await q.query<{ id: ClinicId; name: string }>("select id, name from clinics where demo order by created_at limit 1");
  return row ?? null;
}
