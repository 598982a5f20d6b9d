import { useNavigate } from "react-router";
import { api, type Patient } from "../api.ts";
import { PatientForm } from "../components/PatientForm.tsx";

export function NewPatientPage() {
  const navigate = useNavigate();
  return (
    <section>
      <h1>New patient</h1>
      <PatientForm
        submitLabel="Register patient"
        onCancel={() => void navigate("/patients")}
        onSubmit={async (values) => {
          const patient = await api<Patient>("POST", "/api/v1/patients", values);
          void navigate(`/patients/${patient.id}`);
        }}
      />
    </section>
  );
}
