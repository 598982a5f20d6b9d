/** What a claim names of the clinic and its providers: address, tax id, NPI, credential, licence. */
import type { ClinicId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";

export interface ClinicBilling {
  name: string;
  addressLine: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  phone: string | null;
  taxId: string | null;
  npi: string | null;
}

export type Furnisher = "physician" | "nurse-practitioner" | "physician-assistant" | "clinical-nurse-specialist" | "acupuncturist";

export interface ProviderBilling {
  id: string;
  displayName: string;
  furnisher: Furnisher;
  credential: string | null;
  npi: string | null;
  licence: string | null;
}

export async function findClinicBilling(q: Queryable, clinicId: ClinicId): Promise<ClinicBilling> {
  const [row] = await q.query<{ name: string; address_line: string | null; city: string | null; region: string | null; postal_code: string | null; phone: string | null; tax_id: string | null; npi: string | null }>(
    "select name, address_line, city, region, postal_code, phone, tax_id, npi from clinics where id = $1",
    [clinicId],
  );
  const r = row!;
  return { name: r.name, addressLine: r.address_line, city: r.city, region: r.region, postalCode: r.postal_code, phone: r.phone, taxId: r.tax_id, npi: r.npi };
}

/** A name left undefined stays as it is. */
export async function updateClinicBilling(q: Queryable, clinicId: ClinicId, details: Omit<ClinicBilling, "name"> & { name?: string }): Promise<void> {
  await q.query(
    "update clinics set address_line = $2, city = $3, region = $4, postal_code = $5, phone = $6, tax_id = $7, npi = $8, name = coalesce($9, name) where id = $1",
    [clinicId, details.addressLine, details.city, details.region, details.postalCode, details.phone, details.taxId, details.npi, details.name ?? null],
  );
}

export async function listProviderBilling(q: Queryable, clinicId: ClinicId): Promise<ProviderBilling[]> {
  const rows = await q.query<{ id: string; display_name: string; furnisher: Furnisher; credential: string | null; npi: string | null; licence: string | null }>(
    "select id, display_name, furnisher, credential, npi, licence from users where clinic_id = $1 and role <> 'front_desk' order by display_name",
    [clinicId],
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, furnisher: r.furnisher, credential: r.credential, npi: r.npi, licence: r.licence }));
}

export async function updateProviderBilling(q: Queryable, clinicId: ClinicId, userId: string, details: Omit<ProviderBilling, "id" | "displayName">): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    "update users set furnisher = $3, credential = $4, npi = $5, licence = $6, updated_at = now() where clinic_id = $1 and id = $2 returning id",
    [clinicId, userId, details.furnisher, details.credential, details.npi, details.licence],
  );
  return rows.length > 0;
}
