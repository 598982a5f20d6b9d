/** What a superbill shows (issue 11): gathered by server/services/superbills.ts, drawn by superbillPdf.ts. */
export interface SuperbillParty {
  name: string;
  credential: string | null;
  npi: string | null;
  licence: string | null;
}

export interface SuperbillLine {
  dateOfService: string;
  code: string;
  modifiers: string[];
  units: number;
  /** 1-based pointers into `diagnoses`. */
  diagnosisPointers: number[];
  /** Fee per unit in cents, or null when the clinic's schedule has none. */
  feeCents: number | null;
}

export interface Superbill {
  clinic: { name: string; address: string | null; phone: string | null; taxId: string | null; npi: string | null };
  rendering: SuperbillParty[];
  supervising: SuperbillParty | null;
  patient: { name: string; birthDate: string; address: string | null; memberId: string | null; payer: string };
  period: { from: string; to: string };
  diagnoses: { code: string; title: string }[];
  lines: SuperbillLine[];
  payments: { date: string; amountCents: number; method: string }[];
  /** When it was made, ISO. */
  issuedAt: string;
}
