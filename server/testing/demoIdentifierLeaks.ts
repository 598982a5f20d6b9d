/**
 * Every identifier of the demo clinic's patients (and its staff's and the
 * clinic's NPIs) found in a de-identified export's text, for the tests that
 * prove an export carries none. Names match as whole words; phones match by
 * their digits too, however punctuated.
 */
import type { Queryable } from "../db/database.ts";

export async function demoIdentifierLeaks(db: Queryable, text: string, options: { staff?: boolean } = {}): Promise<string[]> {
  const patients = await db.query<Record<string, string | null>>(
    `select p.id::text as id, p.given_name, p.family_name, p.birth_date::text as birth_date, p.record_number, p.address_line, p.city, p.postal_code, p.phone, p.email
       from patients p join clinics c on c.id = p.clinic_id where c.demo`,
  );
  if (patients.length < 5) throw new Error("the demo clinic is not loaded: there is nothing to look for");
  const lower = text.toLowerCase();
  const leaks: string[] = [];
  for (const p of patients) {
    for (const name of [p.given_name, p.family_name]) if (name && new RegExp(`\\b${name.toLowerCase()}\\b`).test(lower)) leaks.push(`name ${name}`);
    for (const value of [p.id, p.record_number, p.address_line, p.city, p.postal_code, p.phone, p.email, p.birth_date]) {
      if (value && lower.includes(value.toLowerCase())) leaks.push(value);
    }
    if (p.phone && text.replace(/\D/g, " ").includes(p.phone.replace(/\D/g, ""))) leaks.push(`phone digits of ${p.phone}`);
  }
  const npis = await db.query<{ npi: string }>(
    "select u.npi from users u join clinics c on c.id = u.clinic_id where c.demo and u.npi is not null union select npi from clinics where demo and npi is not null",
  );
  if (npis.length === 0) throw new Error("the demo clinic has no NPI to look for");
  for (const { npi } of npis) if (text.includes(npi)) leaks.push(`NPI ${npi}`);
  if (options.staff) {
    const staff = await db.query<{ id: string; display_name: string }>("select u.id::text as id, u.display_name from users u join clinics c on c.id = u.clinic_id where c.demo");
    for (const user of staff) if (text.includes(user.id) || text.includes(user.display_name)) leaks.push(`staff ${user.display_name}`);
  }
  return leaks;
}
