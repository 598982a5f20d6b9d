/**
 * Owners take the clinic's data away: all of its own records, identified, and
 * the de-identified research export (HIPAA Safe Harbor). Each is one zip,
 * made fresh for each download and recorded in the audit log.
 */
import { Link } from "react-router";

const FILES = [
  { file: "patients.csv", what: "one row per patient: a random code, sex, age (90+ grouped), first three ZIP digits, state" },
  { file: "episodes.csv", what: "each back-pain episode: onset in days before intake, location, spread, history, work status, ICD-10-CM" },
  { file: "visits.csv", what: "each signed visit: day since intake, modality, points and sides, needles in and out, e-stim, pain before and after" },
  { file: "outcomes.csv", what: "every pain score and questionnaire score, by day since intake" },
  { file: "adverse_events.csv", what: "adverse events recorded on visits: kind and severity" },
  { file: "data_dictionary.csv", what: "what every column of every file means" },
];

export function ExportPage() {
  return (
    <section>
      <h1>Export</h1>
      <section className="card">
        <h2>All of this clinic's records</h2>
        <p>
          The clinic's data is the clinic's to take: every patient, episode, visit chart, score, medication, flag, correction, plan, claim and audit entry,
          identified, as one CSV file per table with a data dictionary. Charts travel whole, as JSON in their column. Passwords and token hashes are left
          out. This holds patients' health information: keep it as you keep the records themselves.
        </p>
        <p>
          <a className="button" href="/api/v1/clinic-export.zip" download>
            Download all records (zip)
          </a>
        </p>
        <p className="muted small">
          The same files from the server's machine: <span className="mono">npx acuback export clinic --clinic "Your clinic" --out folder</span>. Other
          systems can read the records as FHIR R4 instead (see API tokens).
        </p>
      </section>
      <section className="card">
        <h2>De-identified research export</h2>
        <p>
          For a researcher pooling outcomes. Made by the HIPAA Safe Harbor method (45 CFR 164.514(b)(2)): no names, record numbers, addresses,
          phones, e-mails or free text; patients get codes made for this export only; every date becomes days since the episode's intake; ages over 89
          are one group; ZIP codes keep three digits, or 000 for the 17 small areas HHS lists. Safe Harbor also requires that the clinic has no actual
          knowledge that what remains could identify someone: look at the files before handing them over.
        </p>
        <p>
          <a className="button" href="/api/v1/research-export.zip" download>
            Download the export (zip)
          </a>
        </p>
        <p className="small">It holds:</p>
        <ul className="export-files">
          {FILES.map(({ file, what }) => (
            <li key={file}>
              <span className="mono">{file}</span> <span className="muted small">— {what}</span>
            </li>
          ))}
        </ul>
        <p className="muted small">
          Each download is made fresh (the patient codes are new each time, the same across its files) and recorded in the <Link to="/audit">audit log</Link>. The same files from the
          server's machine: <span className="mono">npx acuback export research --clinic "Your clinic" --out folder</span>. The same rules as FHIR
          NDJSON, for an owner signed in: <span className="mono">GET /fhir/R4/$export?deidentified=true</span> with{" "}
          <span className="mono">Prefer: respond-async</span> (the README shows the steps).
        </p>
      </section>
    </section>
  );
}
