import type { ApiError } from "../api.ts";

/** The server's problem, said once at the top of a form; field messages sit beside their fields. */
export function FormError({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error.message}
      {error.detail && error.code !== "VALIDATION_FAILED" ? ` ${error.detail}` : ""}
    </p>
  );
}

export function FieldError({ error, field }: { error: ApiError | null; field: string }) {
  const message = error?.fields[field];
  return message ? (
    <span className="field-error" id={`${field}-error`}>
      {message}
    </span>
  ) : null;
}
