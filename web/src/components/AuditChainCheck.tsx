/**
 * The line on the audit page that says whether the log's hash chain is intact
 * (decision record 0020). It shows the last check, from this page or from
 * `acuback audit verify`, and runs a new one when asked: a check reads every
 * entry, so it is not run on each visit.
 */
import { useState } from "react";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";
import { api, type AuditChainStatus } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FormError } from "./FormError.tsx";

const count = (n: number) => n.toLocaleString("en-US");
const entries = (n: number) => `${count(n)} ${n === 1 ? "entry" : "entries"}`;

function StatusLine({ status }: { status: AuditChainStatus }) {
  const check = status.lastCheck;
  if (!check) return <p>The log’s hash chain has not been checked yet.</p>;
  const when = `${formatDateTime(check.checkedAt)}, ${check.checkedByName ? `by ${check.checkedByName}` : "from the command line"}`;
  if (!check.intact) {
    return (
      <p className="form-error" role="alert">
        <strong>The log’s hash chain is broken at entry {count(check.finding!.seq)}.</strong> {check.finding!.message}{" "}
        {check.entriesChecked > 0 && `The ${entries(check.entriesChecked)} before it ${check.entriesChecked === 1 ? "is" : "are"} sound. `}
        (Checked {when})
      </p>
    );
  }
  const since = status.entriesSinceCheck;
  return (
    <p className="success">
      The log’s hash chain is intact: {entries(check.entriesChecked)} checked ({when}).
      {since > 0 && ` ${entries(since)} written since ${since === 1 ? "is" : "are"} not checked yet.`}
    </p>
  );
}

export function AuditChainCheck() {
  const loaded = useLoad(() => api<AuditChainStatus>("GET", "/api/v1/audit-log/verification"), "chain");
  const [checked, setChecked] = useState<AuditChainStatus | null>(null);
  const { submit, error, busy } = useSubmit(async () => setChecked(await api<AuditChainStatus>("POST", "/api/v1/audit-log/verification")));
  const status = checked ?? loaded.data;
  return (
    <div className="card audit-chain" aria-live="polite" aria-busy={busy}>
      {status && <StatusLine status={status} />}
      <FormError error={loaded.error ?? error} />
      <div className="actions">
        <button type="button" onClick={() => void submit()} disabled={busy || !status}>
          {busy ? "Checking every entry…" : "Check the chain now"}
        </button>
      </div>
      <p className="muted small">
        Each entry holds a hash of itself and of the entry before it, so an entry changed, removed or added in the database
        itself breaks the chain there. A check reads the whole log; a large one takes some seconds.
      </p>
    </div>
  );
}
