import { createContext, useContext, useState, type ChangeEvent, type InputHTMLAttributes } from "react";
import { fieldLabel } from "../../../domain/plausibility/fieldLabels.ts";
import type { ApiError } from "../api.ts";
import { FieldError } from "./FormError.tsx";
import { clinicalDateProblem } from "../../../domain/plausibility/clinicalDates.ts";
import { calendarDateOf, isCalendarDate, type CalendarDate } from "../../../domain/shared/calendarDate.ts";

/** The date of birth of the patient whose record is open, for the date checks in its forms. */
export const PatientBirthDate = createContext<string | null>(null);

/**
 * A clinical date checked as it is typed, with the rule and the words the
 * server uses (domain/plausibility/clinicalDates.ts): not in the future, not
 * before the patient's birth (or 1900). The server checks again on saving.
 * Spread `input` on the date input; show `problem` beside it.
 */
export function useDateCheck(label: string) {
  const birthDate = useContext(PatientBirthDate);
  const [problem, setProblem] = useState<string | null>(null);
  const check = (value: string) =>
    setProblem(isCalendarDate(value) ? clinicalDateProblem(label, value, { today: calendarDateOf(new Date()), birthDate: birthDate as CalendarDate | null }) : null);
  return {
    problem,
    // No min/max on the input: the browser's own bubble ("Value must be … or later") would block the form in other words than these.
    input: {
      "aria-invalid": problem ? true : undefined,
      onChange: (e: ChangeEvent<HTMLInputElement>) => check(e.currentTarget.value),
    },
  };
}

/** The typed date's problem beside its field, unless the server's own message for it is already shown. */
export function DateProblem({ problem, field, shadowedBy }: { problem: string | null; field: string; shadowedBy?: string | undefined }) {
  if (!problem || shadowedBy) return null;
  return (
    <span className="field-error" id={`${field}-error`} data-field-error={field} role="status">
      {problem}
    </span>
  );
}

/**
 * A clinical date input with its checks: the live one above, and the server's
 * message once a save was refused. `field` is the request's key for the date
 * ("startedOn"), named in the clinic's words by fieldLabel; `errorField` is
 * where the server puts its message when the values are nested ("values.startedOn").
 */
export function CheckedDateInput({
  field,
  errorField = field,
  error,
  onChange,
  ...input
}: { field: string; errorField?: string; error: ApiError | null } & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name">) {
  const check = useDateCheck(fieldLabel(field));
  return (
    <>
      <input
        {...input}
        type="date"
        name={field}
        {...check.input}
        onChange={(event) => {
          check.input.onChange(event);
          onChange?.(event);
        }}
      />
      <FieldError error={error} field={errorField} />
      <DateProblem problem={check.problem} field={errorField} shadowedBy={error?.fields[errorField]} />
    </>
  );
}
