/**
 * The browser's only way to the server: same-origin fetch with the session
 * cookie, the CSRF header on unsafe methods, and problem+json turned into ApiError.
 */
import type { Role } from "../../domain/access/roles.ts";
import type { Patient } from "../../domain/patients/patient.ts";
import type { PainScore } from "../../domain/outcomes/painScore.ts";

export interface Session {
  user: { id: string; email: string; displayName: string; role: Role };
  clinic: { id: string; name: string; demo: boolean };
  csrfToken: string;
  /** The clinic requires two-factor sign-in and this account has not set it up: only that page opens. */
  twoFactorEnrolmentDue: boolean;
}

/** The password step's answer for an account with two-factor sign-in on (HTTP 202): the code is asked next. */
export interface SecondStepNeeded {
  secondFactorRequired: true;
  csrfToken: string;
}

export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  patientName: string | null;
  ip: string | null;
  apiTokenName: string | null;
  detail: Record<string, unknown>;
}

/** The last check of the clinic's audit hash chain (GET/POST /api/v1/audit-log/verification). */
export interface AuditChainStatus {
  lastCheck: {
    checkedAt: string;
    checkedBy: string | null;
    checkedByName: string | null;
    entriesChecked: number;
    intact: boolean;
    lastSeq: number | null;
    lastHash: string | null;
    finding: { kind: string; seq: number; eventId: string | null; message: string } | null;
    entrySeq: number;
  } | null;
  entriesNow: number;
  entriesSinceCheck: number;
}

export type { Patient, PainScore };

/** A patient of this clinic that a new registration may duplicate (PATIENT_LIKELY_DUPLICATE). */
export interface LikelyDuplicate {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    title: string,
    readonly detail?: string,
    readonly fields: Record<string, string> = {},
    readonly likelyDuplicates: LikelyDuplicate[] = [],
  ) {
    super(title);
  }
}

let csrfToken: string | null = null;
/** Called whenever a session starts or is found, so unsafe requests can carry its token. */
export function rememberCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Listeners told when the server says the session is gone (expired, signed out elsewhere). */
const signedOutListeners = new Set<() => void>();
export function onSignedOut(listener: () => void) {
  signedOutListeners.add(listener);
  return () => {
    signedOutListeners.delete(listener);
  };
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { type: "application/json", data: JSON.stringify(body) });
}

/** Sends a file's bytes as the body (the browser streams it from disk), e.g. an NPPES file to import. */
export async function apiFile<T>(method: string, path: string, file: Blob): Promise<T> {
  return send<T>(method, path, { type: "application/octet-stream", data: file });
}

async function send<T>(method: string, path: string, body?: { type: string; data: string | Blob }): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = body.type;
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body !== undefined && { body: body.data }),
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The server cannot be reached. Check the connection; nothing was saved.");
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const code = typeof data?.code === "string" ? data.code : "UNKNOWN";
    if (code === "UNAUTHENTICATED" && path !== "/api/v1/session") signedOutListeners.forEach((listener) => listener());
    throw new ApiError(
      response.status,
      code,
      typeof data?.title === "string" ? data.title : `Request failed (${response.status})`,
      typeof data?.detail === "string" ? data.detail : undefined,
      (data?.fields as Record<string, string> | undefined) ?? {},
      (data?.likelyDuplicates as LikelyDuplicate[] | undefined) ?? [],
    );
  }
  return data as T;
}
