/**
 * What an API token may do (issue 14). A token acts for its clinic with a
 * practitioner's reach into records (never staff, settings, the audit log or
 * other tokens), limited further by its scope.
 */
export const API_TOKEN_SCOPES = ["fhir-read", "read", "read-write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = {
  "fhir-read": "Read FHIR only",
  read: "Read FHIR and the API",
  "read-write": "Read and write (FHIR and the API)",
};

const READ_METHODS = new Set(["GET", "HEAD"]);

/** Paths no token may use, whatever its scope: signing in and out, one's own account, and tokens themselves. */
const NEVER_BY_TOKEN = ["/api/v1/session", "/api/v1/account", "/api/v1/api-tokens"];

/** Whether a token of this scope may make this request; the reason when not. */
export function tokenAllows(scope: ApiTokenScope, method: string, path: string): string | null {
  const fhir = path === "/fhir/R4" || path.startsWith("/fhir/R4/") || path.startsWith("/fhir/R4?");
  const api = path.startsWith("/api/v1/");
  if (!fhir && !api) return "API tokens work only under /fhir/R4 and /api/v1.";
  if (NEVER_BY_TOKEN.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`))) {
    return "Sign-in, accounts and API tokens are managed in the web app, not with a token.";
  }
  if (scope === "fhir-read" && !fhir) return "This token may read FHIR only.";
  // Cancelling one's own bulk export deletes its files, not a record: a reading token may do it.
  const cancelsExport = method === "DELETE" && path.startsWith("/fhir/R4/$export-status/");
  if (scope !== "read-write" && !READ_METHODS.has(method) && !cancelsExport) return "This token may only read.";
  return null;
}
