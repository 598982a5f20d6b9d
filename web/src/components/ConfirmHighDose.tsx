import type { ApiError } from "../api.ts";

/**
 * After the server says a dose is very high but possible
 * (DOSE_NEEDS_CONFIRMATION, domain/plausibility/medicationDose.ts), the person
 * ticks this to save the dose as typed; the form sends `confirmHighDose`.
 * Doses above the clinic's ceiling are refused and never offered this.
 */
export function ConfirmHighDose({ error }: { error: ApiError | null }) {
  if (error?.code !== "DOSE_NEEDS_CONFIRMATION") return null;
  return (
    <label className="check confirm-warning">
      <input type="checkbox" name="confirmHighDose" /> I have checked this dose: save it as typed
    </label>
  );
}

/** Whether the form carries the confirmation. */
export const highDoseConfirmed = (data: FormData) => data.get("confirmHighDose") === "on";
