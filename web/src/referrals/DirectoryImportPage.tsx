/**
 * Owners update the provider directory (the public finder and the clinic's
 * referral search) from CMS's NPPES file: choose the file, watch it arrive
 * and be read, then read the import's report. The file goes to the server
 * as it is, streamed; progress comes back as server-sent events.
 */
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { can } from "../../../domain/access/roles.ts";
import { api, apiFile } from "../api.ts";
import { useSession } from "../session.tsx";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import type { DirectoryUpload, ImportReport } from "./types.ts";
import "./referrals.css";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
const count = (n: number) => n.toLocaleString("en-US");

interface PastImport {
  fileName: string;
  mode: "full" | "weekly";
  finishedAt: string;
  providers: number;
}

export function DirectoryImportPage() {
  const { session } = useSession();
  if (!can(session.user.role, "directory.import")) return <p className="notice">Only the clinic's owners import the provider directory.</p>;
  return <ImportForm />;
}

function ImportForm() {
  const past = useLoad(() => api<PastImport[]>("GET", "/api/v1/directory/imports"), "imports");
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState("");
  const [upload, setUpload] = useState<DirectoryUpload | null>(null);
  const events = useRef<EventSource | null>(null);
  useEffect(() => () => events.current?.close(), []);

  const { submit, error, busy } = useSubmit(async () => {
    if (!file) return;
    const created = await api<DirectoryUpload>("POST", "/api/v1/directory/imports", { fileName: file.name, size: file.size, ...(mode && { mode }) });
    setUpload(created);
    events.current?.close();
    const source = new EventSource(`/api/v1/directory/imports/${created.id}/events`);
    events.current = source;
    source.onmessage = (message) => {
      const state = JSON.parse(String(message.data)) as DirectoryUpload;
      setUpload(state);
      if (state.phase === "done" || state.phase === "failed") {
        source.close();
        past.reload();
      }
    };
    try {
      await apiFile("PUT", `/api/v1/directory/imports/${created.id}/file`, file);
    } catch (caught) {
      source.close();
      setUpload(null);
      throw caught;
    }
  });
  const running = upload !== null && (upload.phase === "waiting" || upload.phase === "receiving" || upload.phase === "importing");
  const last = past.data?.[0];

  return (
    <section className="directory-import">
      <p className="crumbs">
        <Link to="/referrals">Referral contacts</Link>
      </p>
      <h1>Update the provider directory</h1>
      <p>
        The directory behind <Link to="/find">Find an acupuncturist</Link> and your referral search comes from CMS's NPPES file: download the
        monthly <em>NPPES Data Dissemination</em> zip (~1.1 GB) or a weekly one from download.cms.gov/nppes and choose it here as downloaded.
      </p>
      <FormError error={past.error} />
      {last && (
        <p className="muted small">
          Now: {count(last.providers)} providers, from {last.fileName} ({last.mode === "full" ? "monthly full file" : "weekly"}), imported {last.finishedAt.slice(0, 16).replace("T", " ")} UTC.
        </p>
      )}
      <form className="card form-grid" onSubmit={(e) => (e.preventDefault(), void submit())}>
        <FormError error={error} />
        <label>
          NPPES file (.zip or .csv)
          <input type="file" accept=".zip,.csv,application/zip,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={running} />
        </label>
        <label>
          Kind of file
          <select value={mode} onChange={(e) => setMode(e.target.value)} disabled={running}>
            <option value="">From its name (npidata_pfile_20050523-… is the monthly full file)</option>
            <option value="full">Monthly full file: removes providers it no longer lists</option>
            <option value="weekly">Weekly update: changes only</option>
          </select>
        </label>
        <p className="small muted">
          The import is one transaction: if it fails, the directory stays as it was. On the embedded database the rest of Acuback waits until the import has finished:
          import the monthly file when the clinic is quiet.
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || busy || running}>
            Upload and import
          </button>
        </div>
      </form>
      {upload && <Progress upload={upload} />}
    </section>
  );
}

function Progress({ upload: u }: { upload: DirectoryUpload }) {
  return (
    <div className="card" aria-live="polite">
      <h2>{u.fileName}</h2>
      {(u.phase === "waiting" || u.phase === "receiving") && (
        <>
          <p>
            Receiving: {mb(u.bytesReceived)} of {mb(u.bytesExpected)}
          </p>
          <progress className="upload-progress" max={u.bytesExpected} value={u.bytesReceived} aria-label="Upload" />
        </>
      )}
      {u.phase === "importing" && (
        <>
          <p>
            Importing: {count(u.rowsRead)} rows read{u.fileBytes > 0 && `, ${mb(u.bytesScanned)} of ${mb(u.fileBytes)}`}
          </p>
          <progress className="upload-progress" max={u.fileBytes || 1} value={u.bytesScanned} aria-label="Import" />
        </>
      )}
      {u.phase === "failed" && (
        <p className="form-error" role="alert">
          {u.problem}
        </p>
      )}
      {u.phase === "done" && u.report && <Report report={u.report} />}
    </div>
  );
}

function Report({ report: r }: { report: ImportReport }) {
  const rows: [string, string][] = [
    ["Rows read", count(r.rowsRead)],
    ["Acupuncturists (171100000X)", count(r.matched)],
    ["New", count(r.imported)],
    ["Updated", count(r.updated)],
    ["Removed", `${count(r.removed)} (deactivated ${count(r.removedBy.deactivated)}, taxonomy dropped ${count(r.removedBy.taxonomyDropped)}, no longer in the full file ${count(r.removedBy.absentFromFullFile)})`],
    ["Skipped", `unchanged ${count(r.skipped.unchanged)}, older than stored ${count(r.skipped.olderThanStored)}, deactivated and not listed ${count(r.skipped.deactivated)}`],
    ["Location approximate", count(r.locationApproximate)],
    ["Malformed rows skipped", count(r.malformed.count)],
  ];
  return (
    <>
      <p className="success">
        Imported {r.file} ({r.mode === "full" ? "monthly full file" : "weekly file"}) in {r.seconds.toFixed(1)} s.
      </p>
      <dl className="import-report">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {r.malformed.rows.length > 0 && (
        <details>
          <summary>Malformed rows ({r.malformed.count > r.malformed.rows.length ? `first ${r.malformed.rows.length}` : "all"})</summary>
          <ul className="small">
            {r.malformed.rows.map((m) => (
              <li key={m.line}>
                line {m.line}: {m.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
