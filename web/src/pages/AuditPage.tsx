/**
 * The audit log for owners: who viewed or changed what, newest first,
 * filtered by person, patient, action, record kind and days (the filters live
 * in the address, so a filtered view can be bookmarked or sent), with the same
 * view downloadable as CSV; and whether the log's hash chain is intact.
 */
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDIT_ENTITY_LABELS,
  type AuditAction,
  type AuditEntity,
} from "../../../domain/access/auditVocabulary.ts";
import { api, type AuditEvent, type StaffMember } from "../api.ts";
import { AuditChainCheck } from "../components/AuditChainCheck.tsx";
import { FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useLoad } from "../useLoad.ts";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";

const PAGE = 50;
const FILTERS = ["patientId", "userId", "action", "entity", "fromDay", "toDay"] as const;

/** A local calendar day (yyyy-mm-dd) as the instant it starts, so "1 December" means the clinic's 1 December. */
function startOfDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

/** The API's query for the filters in the address: days become the instants they start and end. */
function apiQuery(params: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ["patientId", "userId", "action", "entity"] as const) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  const fromDay = params.get("fromDay");
  const toDay = params.get("toDay");
  if (fromDay) query.set("from", startOfDay(fromDay));
  if (toDay) query.set("to", startOfDay(toDay, 1));
  return query;
}

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const patientId = params.get("patientId") ?? "";
  const filterKey = FILTERS.map((key) => params.get(key) ?? "").join("|");
  const [older, setOlder] = useState<{ key: string; events: AuditEvent[] }>({ key: filterKey, events: [] });
  const staff = useLoad(() => api<StaffMember[]>("GET", "/api/v1/users"), "staff");
  const query = (before?: string) => {
    const q = apiQuery(params);
    q.set("limit", String(PAGE));
    if (before) q.set("before", before);
    return `/api/v1/audit-events?${q}`;
  };
  const { data: latest, error } = useLoad(() => api<AuditEvent[]>("GET", query()), filterKey);
  const events = [...(latest ?? []), ...(older.key === filterKey ? older.events : [])];
  const [loadError, setLoadError] = useState<Error | null>(null);
  const patientName = events.find((event) => event.patientId === patientId)?.patientName;

  async function loadOlder() {
    const last = events[events.length - 1];
    try {
      const next = await api<AuditEvent[]>("GET", query(last?.id));
      setOlder({ key: filterKey, events: [...(older.key === filterKey ? older.events : []), ...next] });
    } catch (caught) {
      setLoadError(caught as Error);
    }
  }

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    if (patientId) next.set("patientId", patientId);
    for (const key of ["userId", "action", "entity", "fromDay", "toDay"] as const) {
      const value = String(form.get(key) ?? "");
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  return (
    <section>
      <h1>Audit log</h1>
      <p className="muted">
        Every view and change of patient data, newest first. Entries cannot be edited or deleted, and each is chained
        to the one before it by a hash, so a change made in the database itself shows.
        {patientId && (
          <>
            {" "}
            Showing one patient{patientName ? `: ${patientName}` : ""}. <Link to={`/patients/${patientId}`}>Open record</Link> ·{" "}
            <Link to="/audit">Show all patients</Link>
          </>
        )}
      </p>
      <AuditChainCheck />
      <form className="filters card" aria-label="Filter the audit log" onSubmit={applyFilters} key={filterKey}>
        <label>
          Who
          <select name="userId" defaultValue={params.get("userId") ?? ""}>
            <option value="">Anyone</option>
            {(staff.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          Did
          <select name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">Anything</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </label>
        <label>
          What
          <select name="entity" defaultValue={params.get("entity") ?? ""}>
            <option value="">Any record</option>
            {AUDIT_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {AUDIT_ENTITY_LABELS[entity]}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" name="fromDay" defaultValue={params.get("fromDay") ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="toDay" defaultValue={params.get("toDay") ?? ""} />
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            Show
          </button>
          <a className="button" href={`/api/v1/audit-events.csv?${apiQuery(params)}`} download>
            Download CSV
          </a>
        </div>
      </form>
      <FormError error={error ?? staff.error} />
      {loadError && <p className="form-error">{loadError.message}</p>}
      {latest && events.length === 0 && <p className="notice">No entries match these filters.</p>}
      <ListTable className="audit" columns={["When", "Who", "Did", "What", "Patient", "From"]}>
          {events.map((event) => (
            <ListRow key={event.id}>
              <td className="mono">{formatDateTime(event.at)}</td>
              <td>
                {event.userName ?? "—"}
                {event.apiTokenName && <span className="muted small"> via API token “{event.apiTokenName}”</span>}
              </td>
              <td>{AUDIT_ACTION_LABELS[event.action as AuditAction] ?? event.action}</td>
              <td>
                {AUDIT_ENTITY_LABELS[event.entity as AuditEntity] ?? event.entity}
                {typeof event.detail.count === "number" && <span className="muted"> ({event.detail.count})</span>}
                {Array.isArray(event.detail.shown) && <span className="muted"> ({event.detail.shown.length} shown)</span>}
              </td>
              <td>
                {event.patientId ? <Link to={`/patients/${event.patientId}`}>{event.patientName ?? "open record"}</Link> : ""}
                {event.patientId && event.patientId !== patientId && (
                  <>
                    {" "}
                    <Link className="muted small" to={`/audit?patientId=${event.patientId}`} aria-label={`Audit entries for ${event.patientName ?? "this patient"}`}>
                      (entries)
                    </Link>
                  </>
                )}
              </td>
              <td className="mono">
                {event.ip ?? ""}
              </td>
            </ListRow>
          ))}
      </ListTable>
      {events.length > 0 && events.length % PAGE === 0 && (
        <button type="button" onClick={() => void loadOlder()}>
          Load older entries
        </button>
      )}
    </section>
  );
}
