import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ageInYears, calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { SEX_LABELS } from "../../../domain/patients/patient.ts";
import { api, type Patient } from "../api.ts";
import { FollowUps } from "../components/FollowUps.tsx";
import { FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useCan } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { useShortcut } from "../useShortcut.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";

const PAGE_SIZE = 25;

export function PatientsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const [typed, setTyped] = useState(q);
  const searchBox = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();

  // Search as the person types, a moment after they pause.
  useEffect(() => {
    if (typed === q) return;
    const timer = setTimeout(() => setParams(typed ? { q: typed } : {}, { replace: true }), 250);
    return () => clearTimeout(timer);
  }, [typed, q, setParams]);

  const { data, error, loading } = useLoad(
    () =>
      api<{ patients: Patient[]; total: number }>(
        "GET",
        `/api/v1/patients?${new URLSearchParams({ q, limit: String(PAGE_SIZE), offset: String(offset) })}`,
      ),
    `${q}|${offset}`,
  );

  const sendsFollowUps = useCan("followUps.send");
  // The box is not focused on arrival: a focused box swallowed the "n" shortcut, and on a phone it
  // would raise the keyboard over the follow-ups. "/" focuses it, as in most web apps.
  useShortcut("/", useCallback(() => searchBox.current?.focus(), []));
  useShortcut("n", useCallback(() => void navigate("/patients/new"), [navigate]));
  const today = calendarDateOf(new Date());

  return (
    <section>
      <div className="page-head">
        <h1>Patients</h1>
        <Link className="button primary" to="/patients/new" title="New patient (n)">
          New patient
        </Link>
      </div>
      {sendsFollowUps && !q && <FollowUps />}
      <form className="search" role="search" onSubmit={(event) => event.preventDefault()}>
        <input
          ref={searchBox}
          type="search"
          aria-label="Search patients"
          placeholder="Name, date of birth, phone or record number   ( / )"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            const first = data?.patients[0];
            if (event.key === "Enter" && first && data.patients.length === 1) void navigate(`/patients/${first.id}`);
            // Escape leaves the box so the page's one-key shortcuts (n, /) work again.
            if (event.key === "Escape") event.currentTarget.blur();
          }}
        />
      </form>
      <FormError error={error} />
      {data && (
        <>
          <p className="muted" aria-live="polite">
            {loading ? "Searching…" : `${data.total} patient${data.total === 1 ? "" : "s"}${q ? ` matching “${q}”` : ""}`}
          </p>
          {data.patients.length > 0 && (
            <ListTable columns={["Name", "Date of birth", "Sex", "Record no.", "Phone"]}>
                {data.patients.map((patient) => (
                  <ListRow key={patient.id}>
                    <td>
                      <Link to={`/patients/${patient.id}`}>
                        {patient.familyName}, {patient.givenName}
                      </Link>
                    </td>
                    <td>
                      {formatDate(patient.birthDate)} <span className="muted">({ageInYears(patient.birthDate, today)} y)</span>
                    </td>
                    <td>{SEX_LABELS[patient.sex]}</td>
                    <td className="mono">{patient.recordNumber}</td>
                    <td>{patient.phone ?? ""}</td>
                  </ListRow>
                ))}
            </ListTable>
          )}
          <div className="pager">
            {offset > 0 && (
              <button type="button" onClick={() => setParams({ q, offset: String(Math.max(0, offset - PAGE_SIZE)) })}>
                ← Previous
              </button>
            )}
            {offset + PAGE_SIZE < data.total && (
              <button type="button" onClick={() => setParams({ q, offset: String(offset + PAGE_SIZE) })}>
                Next →
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
