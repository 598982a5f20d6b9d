import { useState, type FormEvent } from "react";
import { useSubmit } from "../useSubmit.ts";
import { SEX_LABELS, SEXES } from "../../../domain/patients/patient.ts";
import { earliestPlausibleBirthDate } from "../../../domain/plausibility/clinicalDates.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import type { Patient } from "../api.ts";
import { FieldError, FormError } from "./FormError.tsx";

export type PatientFormValues = Record<
  "recordNumber" | "givenName" | "familyName" | "birthDate" | "sex" | "phone" | "email" | "addressLine" | "city" | "region" | "postalCode",
  string
>;

const EMPTY: PatientFormValues = {
  recordNumber: "",
  givenName: "",
  familyName: "",
  birthDate: "",
  sex: "",
  phone: "",
  email: "",
  addressLine: "",
  city: "",
  region: "",
  postalCode: "",
};

export function formValuesOf(patient: Patient): PatientFormValues {
  const values = { ...EMPTY };
  for (const key of Object.keys(EMPTY) as (keyof PatientFormValues)[]) values[key] = (patient[key] as string | null) ?? "";
  return values;
}

/**
 * Demographics form for registering and editing. Errors from the server are
 * shown next to the fields they name; what was typed is kept.
 */
export function PatientForm(props: {
  initial?: PatientFormValues;
  submitLabel: string;
  onSubmit: (values: PatientFormValues) => Promise<void>;
  onCancel?: () => void;
  recordNumberRequired?: boolean;
}) {
  const [values, setValues] = useState<PatientFormValues>(props.initial ?? EMPTY);
  const { submit: save, error, busy } = useSubmit(() => props.onSubmit(values));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const field = (name: keyof PatientFormValues, label: string, input: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className={error?.fields[name] ? "invalid" : undefined}>
      {label}
      <input
        name={name}
        value={values[name]}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
        aria-invalid={error?.fields[name] ? true : undefined}
        aria-describedby={error?.fields[name] ? `${name}-error` : undefined}
        {...input}
      />
      <FieldError error={error} field={name} />
    </label>
  );

  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <FormError error={error} />
      <fieldset>
        <legend>Identity</legend>
        {field("givenName", "Given name", { required: true, autoFocus: true, autoComplete: "off" })}
        {field("familyName", "Family name", { required: true, autoComplete: "off" })}
        {field("birthDate", "Date of birth", { type: "date", required: true, min: earliestPlausibleBirthDate(calendarDateOf(new Date())), max: calendarDateOf(new Date()) })}
        <label className={error?.fields.sex ? "invalid" : undefined}>
          Sex
          <select name="sex" value={values.sex} required onChange={(event) => setValues({ ...values, sex: event.target.value })}>
            <option value="" disabled>
              Choose…
            </option>
            {SEXES.map((sex) => (
              <option key={sex} value={sex}>
                {SEX_LABELS[sex]}
              </option>
            ))}
          </select>
          <FieldError error={error} field="sex" />
        </label>
        {field("recordNumber", props.recordNumberRequired ? "Record number" : "Record number (blank: assigned)", {
          autoComplete: "off",
          className: "mono",
        })}
      </fieldset>
      <fieldset>
        <legend>Contact</legend>
        {field("phone", "Phone", { type: "tel", autoComplete: "off" })}
        {field("email", "E-mail", { type: "email", autoComplete: "off" })}
        {field("addressLine", "Address", { autoComplete: "off" })}
        {field("city", "City", { autoComplete: "off" })}
        {field("region", "State", { autoComplete: "off" })}
        {field("postalCode", "ZIP code", { autoComplete: "off", inputMode: "numeric" })}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving…" : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
