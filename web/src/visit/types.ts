/** The visit as the API returns it (server/http/treatmentSchemas.ts). */
import type { ChartCorrection } from "../../../domain/treatment/chartCorrection.ts";
import type { SafetyFinding } from "../../../domain/treatment/safety.ts";
import type { VisitChart } from "../../../domain/treatment/visit.ts";

export interface Amendment {
  id: string;
  authorName: string;
  at: string;
  reason: string;
  correction: string | null;
  chartCorrection: ChartCorrection | null;
  enteredInError: boolean;
}

export interface Visit {
  id: string;
  patientId: string;
  episodeId: string;
  planId: string | null;
  practitionerName: string;
  visitOn: string;
  status: "draft" | "signed";
  chart: VisitChart;
  findings: SafetyFinding[];
  problems: { code: string; message: string }[];
  amendments: Amendment[];
  signedAt: string | null;
  version: number;
}

/** What the front desk sees of a visit. */
export interface VisitSummary {
  id: string;
  visitOn: string;
  status: "draft" | "signed";
  practitionerName: string;
}
