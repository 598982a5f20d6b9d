/**
 * Owners see that the clinic's records are being backed up: when the last
 * backup succeeded (or failed, and why), the schedule, and the files with
 * their sizes, and can take one now. A backup holds every clinic on this
 * server, so the files stay on the server's machine; this page never offers
 * them for download.
 */
import { formatByteSize } from "../../../domain/shared/byteSize.ts";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";

interface BackupFile {
  name: string;
  kind: "automatic" | "manual";
  takenAt: string;
  bytes: number;
}

interface BackupsOverview {
  automatic: boolean;
  everyHours: number;
  keep: number;
  folder: string;
  engine: "pglite" | "postgres";
  backups: BackupFile[];
  lastSuccessAt: string | null;
  lastFailure: { at: string; problem: string } | null;
}

export function BackupsPage() {
  const overview = useLoad(() => api<BackupsOverview>("GET", "/api/v1/backups"), "backups");
  const backUp = useSubmit(async () => {
    await api("POST", "/api/v1/backups");
    overview.reload();
  });
  const data = overview.data;
  return (
    <section>
      <h1>Backups</h1>
      <FormError error={overview.error ?? backUp.error} />
      {data && (
        <>
          <BackupState overview={data} />
          <div className="actions">
            <button type="button" disabled={backUp.busy} onClick={() => void backUp.submit()}>
              {backUp.busy ? "Backing up…" : "Back up now"}
            </button>
          </div>
          {data.engine === "pglite" && <p className="muted small">While a backup is written, the app waits for it: take one between patients.</p>}
          {data.backups.length > 0 && (
            <ListTable columns={["Taken", "How", "Size", "File"]}>
              {data.backups.map((file) => (
                <ListRow key={file.name}>
                  <td>{formatDateTime(file.takenAt)}</td>
                  <td>{file.kind === "automatic" ? "automatic" : "by hand"}</td>
                  <td>{formatByteSize(file.bytes)}</td>
                  <td className="mono small">{file.name}</td>
                </ListRow>
              ))}
            </ListTable>
          )}
          <section className="card">
            <h2>Restoring</h2>
            <p>
              Backups are kept on the server's machine in <span className="mono">{data.folder}</span>. They hold every clinic on this server, with
              patients' health information: keep copies as you keep the records themselves, somewhere other than this machine.
            </p>
            <p className="muted small">
              To restore, stop the server and run <span className="mono">npx acuback restore FILE</span> into a new, empty data directory (or, with{" "}
              <span className="mono">DATABASE_URL</span>, a new PostgreSQL database: the same file moves the clinic to a database server). Every
              table's rows are checked against the backup before anything is kept.
            </p>
          </section>
        </>
      )}
    </section>
  );
}

function BackupState({ overview }: { overview: BackupsOverview }) {
  const schedule = overview.automatic
    ? `Automatic: every ${overview.everyHours} hours, keeping the newest ${overview.keep}.`
    : "Automatic backups are off on this server; the server's administrator sets ACUBACK_BACKUP_HOURS and ACUBACK_BACKUP_DIR.";
  return (
    <section className={overview.lastFailure ? "card danger-zone" : "card"} role="status">
      {overview.lastFailure ? (
        <p>
          <strong>The last backup failed</strong> on {formatDateTime(overview.lastFailure.at)}: {overview.lastFailure.problem}
        </p>
      ) : null}
      <p>
        {overview.lastSuccessAt ? (
          <>
            Last backup: <strong>{formatDateTime(overview.lastSuccessAt)}</strong>.
          </>
        ) : (
          <strong>No backup has been taken yet.</strong>
        )}{" "}
        {schedule}
      </p>
    </section>
  );
}
