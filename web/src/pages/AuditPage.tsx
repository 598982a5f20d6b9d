import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, type AuditEvent } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";

const PAGE = 50;

const ACTION_TEXT: Record<string, string> = {
  read: "viewed",
  list: "searched",
  create: "created",
  update: "changed",
  login: "signed in",
  logout: "signed out",
  login_failed: "failed to sign in",
  delete: "deleted",
  sign: "signed",
  amend: "amended",
};

export function AuditPage() {
  const [params] = useSearchParams();
  const patientId = params.get("patientId") ?? "";
  const [older, setOlder] = useState<AuditEvent[]>([]);
  const query = (before?: string) =>
    `/api/v1/audit-events?${new URLSearchParams({
      limit: String(PAGE),
      ...(patientId && { patientId }),
      ...(before && { before }),
    })}`;
  const { data: latest, error } = useLoad(() => api<AuditEvent[]>("GET", query()), patientId);
  const events = [...(latest ?? []), ...older];
  const [loadError, setLoadError] = useState<Error | null>(null);

  async function loadOlder() {
    const last = events[events.length - 1];
    try {
      const next = await api<AuditEvent[]>("GET", query(last?.id));
      setOlder([...older, ...next]);
    } catch (caught) {
      setLoadError(caught as Error);
    }
  }

  return (
    <section>
      <h1>Audit log</h1>
      <p className="muted">
        Every view and change of patient data, newest first. Entries cannot be edited or deleted.
        {patientId && (
          <>
            {" "}
            Showing one patient: <Link to={`/patients/${patientId}`}>open record</Link> · <Link to="/audit">show all</Link>
          </>
        )}
      </p>
      <FormError error={error} />
      {loadError && <p className="form-error">{loadError.message}</p>}
      <table className="list audit">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Did</th>
            <th>What</th>
            <th>Patient</th>
            <th>From</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="mono">{new Date(event.at).toLocaleString()}</td>
              <td>{event.userName ?? "—"}</td>
              <td>{ACTION_TEXT[event.action] ?? event.action}</td>
              <td>
                {event.entity.replace("_", " ")}
                {typeof event.detail.count === "number" && <span className="muted"> ({event.detail.count})</span>}
                {Array.isArray(event.detail.shown) && <span className="muted"> ({event.detail.shown.length} shown)</span>}
              </td>
              <td>{event.patientId ? <Link to={`/patients/${event.patientId}`}>open</Link> : ""}</td>
              <td className="mono">{event.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length > 0 && events.length % PAGE === 0 && (
        <button type="button" onClick={() => void loadOlder()}>
          Load older entries
        </button>
      )}
    </section>
  );
}
