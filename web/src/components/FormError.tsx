import { useLayoutEffect, useRef, useState } from "react";
import { fieldMessage } from "../../../domain/plausibility/fieldLabels.ts";
import type { ApiError } from "../api.ts";

/**
 * The server's problem, said once at the top of a form; field messages sit
 * beside their fields. "See the marked fields" is said only when this form
 * really shows a field's message (a FieldError in the same form); every
 * problem it does not show beside a field is listed here, naming its field.
 */
export function FormError({ error }: { error: ApiError | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [marked, setMarked] = useState<string[] | null>(null);
  useLayoutEffect(() => {
    if (!error) return;
    const form = ref.current?.closest("form") ?? ref.current?.parentElement;
    setMarked([...(form?.querySelectorAll<HTMLElement>("[data-field-error]") ?? [])].map((e) => e.dataset.fieldError!));
  }, [error]);
  if (!error) return null;
  const fields = Object.entries(error.fields);
  const shown = marked ?? [];
  const unmarked = fields.filter(([key]) => !shown.includes(key));
  const anyMarked = fields.length > unmarked.length;
  if (error.code !== "VALIDATION_FAILED" && fields.length === 0) {
    return (
      <p className="form-error" role="alert" ref={ref}>
        {error.message}
        {error.detail ? ` ${error.detail}` : ""}
      </p>
    );
  }
  return (
    <div className="form-error" role="alert">
      <p ref={ref}>
        {error.code === "VALIDATION_FAILED" ? (anyMarked ? "Some values are missing or not valid; see the marked fields." : "Some values are missing or not valid.") : error.message}
        {fields.length === 0 && error.detail ? ` ${error.detail}` : ""}
      </p>
      {unmarked.length > 0 && (
        <ul>
          {unmarked.map(([key, message]) => (
            <li key={key}>{fieldMessage(key, message)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FieldError({ error, field }: { error: ApiError | null; field: string }) {
  const message = error?.fields[field];
  return message ? (
    <span className="field-error" id={`${field}-error`} data-field-error={field}>
      {message}
    </span>
  ) : null;
}
