import { lazy, Suspense, useState } from "react";
import { Link, useParams } from "react-router";
import { SEX_LABELS } from "../../../domain/patients/patient.ts";
import { ageInYears, calendarDateOf, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { api, type Patient } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { Episodes } from "../components/Episodes.tsx";
import { Medications, type MedicationList } from "../components/Medications.tsx";
import { Outcomes } from "../components/Outcomes.tsx";
import { PainScores } from "../components/PainScores.tsx";
import { RecordRetirement } from "../components/RecordRetirement.tsx";
import { ReportLinks } from "../components/ReportLinks.tsx";
import { SafetyFlags } from "../components/SafetyFlags.tsx";
import { PatientCoverage } from "../coverage/PatientCoverage.tsx";
import { ReminderPreference } from "../scheduling/ReminderPreference.tsx";
import type { ReminderPreference as Preference } from "../scheduling/reminderTypes.ts";
import { formValuesOf, PatientForm } from "../components/PatientForm.tsx";
import { useCan } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { PatientBirthDate } from "../components/DateCheck.tsx";

// The course of care draws points on body maps: the atlas loads with it, not with every page.
const CourseOfCare = lazy(() => import("../visit/CourseOfCare.tsx").then((m) => ({ default: m.CourseOfCare })));

export function PatientPage() {
  const { patientId = "" } = useParams();
  const { data: patient, error, reload } = useLoad(() => api<Patient>("GET", `/api/v1/patients/${patientId}`), patientId);
  const [editing, setEditing] = useState(false);
  // Progress reads pain scores too: it reloads when one is recorded.
  const [painRecorded, setPainRecorded] = useState(0);
  // The intake proposes safety flags (pregnancy): the flags reload when the intake changes.
  const [intakeChanged, setIntakeChanged] = useState(0);
  const seesClinical = useCan("patients.clinical.read");
  const readsAudit = useCan("audit.read");
  const sendsFollowUps = useCan("followUps.send");
  const writesDemographics = useCan("patients.demographics.write");
  // Loaded once for the page (the medication list and the pain chart's MME line), so one view is one read in the audit log.
  const medications = useLoad(
    () => (seesClinical ? api<MedicationList>("GET", `/api/v1/patients/${patientId}/medications`) : Promise.resolve(null)),
    `${patientId}:${seesClinical}`,
  );
  const [visitDates, setVisitDates] = useState<CalendarDate[]>([]);
  // Loaded once: the reminder card and the report links' "Send by e-mail" both read it.
  const reminders = useLoad(() => api<Preference>("GET", `/api/v1/patients/${patientId}/reminders`), `${patientId}:${patient?.version ?? 0}`);

  if (error) return <FormError error={error} />;
  if (!patient) return <p className="loading">Loading…</p>;
  return (
    <section>
      <p className="crumbs">
        <Link to="/patients">← Patients</Link>
      </p>
      <div className="page-head">
        <h1>
          {patient.familyName}, {patient.givenName}
        </h1>
        <span className="muted">
          {ageInYears(patient.birthDate, calendarDateOf(new Date()))} y · {SEX_LABELS[patient.sex]} · record{" "}
          <span className="mono">{patient.recordNumber}</span>
        </span>
      </div>
      {patient.status !== "active" ? (
        // A merged or registered-in-error record is kept to be read: what happened to it, and nothing to add to.
        <RecordRetirement patient={patient} onChange={reload} />
      ) : editing ? (
        <PatientForm
          initial={formValuesOf(patient)}
          recordNumberRequired
          submitLabel="Save changes"
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            await api<Patient>("PATCH", `/api/v1/patients/${patient.id}`, { ...values, version: patient.version });
            setEditing(false);
            reload();
          }}
        />
      ) : (
        <section className="card demographics">
          <dl>
            <dt>Date of birth</dt>
            <dd>{formatDate(patient.birthDate)}</dd>
            <dt>Phone</dt>
            <dd>{patient.phone ?? "—"}</dd>
            <dt>E-mail</dt>
            <dd>{patient.email ?? "—"}</dd>
            <dt>Address</dt>
            <dd>{[patient.addressLine, patient.city, patient.region, patient.postalCode].filter(Boolean).join(", ") || "—"}</dd>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              Edit details
            </button>
            {readsAudit && <Link to={`/audit?patientId=${patient.id}`}>Who viewed this record</Link>}
          </div>
        </section>
      )}
      {patient.status === "active" && <PatientCoverage patientId={patient.id} />}
      {patient.status === "active" && <ReminderPreference patientId={patient.id} preference={reminders} canChange={writesDemographics} />}
      {patient.status !== "active" ? null : seesClinical ? (
        <PatientBirthDate.Provider value={patient.birthDate}>
          <SafetyFlags key={intakeChanged} patientId={patient.id} />
          <Episodes patientId={patient.id} onChange={() => setIntakeChanged((n) => n + 1)} />
          <Suspense fallback={<p className="loading">Loading the course of care…</p>}>
            <CourseOfCare patientId={patient.id} onVisits={setVisitDates} />
          </Suspense>
          <Outcomes patientId={patient.id} refreshKey={painRecorded} visits={visitDates} />
          <PainScores patientId={patient.id} onRecorded={() => setPainRecorded((n) => n + 1)} medications={medications.data} visits={visitDates} />
          <ReportLinks patientId={patient.id} emailReach={reminders.data} />
          <Medications patientId={patient.id} list={medications} />
        </PatientBirthDate.Provider>
      ) : (
        <>
          <p className="notice">Clinical data is visible to practitioners and owners only.</p>
          <Suspense fallback={null}>
            <CourseOfCare patientId={patient.id} />
          </Suspense>
          {sendsFollowUps && <ReportLinks patientId={patient.id} emailReach={reminders.data} />}
        </>
      )}
      {patient.status === "active" && <RecordRetirement patient={patient} onChange={reload} />}
    </section>
  );
}
