/**
 * The appointment types the clinic offers and how long each takes. The
 * minutes are the clinic's own (Acuback's defaults are a starting point, not
 * a clinical rule); a type out of use stays on past appointments.
 */
import { useState } from "react";
import { APPOINTMENT_KINDS, APPOINTMENT_MINUTES, type AppointmentKind } from "../../../../domain/scheduling/appointment.ts";
import { api } from "../../api.ts";
import { FieldError, FormError } from "../../components/FormError.tsx";
import { ListRow, ListTable } from "../../components/ListTable.tsx";
import { useSubmit } from "../../useSubmit.ts";
import type { AppointmentType } from "../types.ts";
import { KIND_LABELS } from "./settingsTypes.ts";

export function AppointmentTypesSettings({ types, editable, onChanged }: { types: AppointmentType[]; editable: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<AppointmentType | null>(null);
  const toggle = useSubmit(async (type: AppointmentType) => {
    await api("PATCH", `/api/v1/appointment-types/${type.id}`, { active: !type.active });
    onChanged();
  });
  const columns = ["Type", "Kind", "Minutes", "State", ...(editable ? [{ label: "Actions", actions: true }] : [])];
  return (
    <section className="card" aria-labelledby="types-heading">
      <h2 id="types-heading">Appointment types</h2>
      <FormError error={toggle.error} />
      <ListTable columns={columns} empty="No appointment types yet." aria-label="Appointment types">
        {types.map((type) => (
          <ListRow key={type.id} className={type.active ? undefined : "inactive"}>
            <td>{type.name}</td>
            <td>{KIND_LABELS[type.kind]}</td>
            <td>{type.minutes} min</td>
            <td>{type.active ? "Offered" : "Out of use"}</td>
            {editable && (
              <td>
                <div className="actions">
                  <button type="button" onClick={() => setEditing(type)} aria-label={`Change ${type.name}`}>
                    Change
                  </button>
                  <button type="button" onClick={() => void toggle.submit(type)} disabled={toggle.busy} aria-label={`${type.active ? "Take out of use" : "Offer again"}: ${type.name}`}>
                    {type.active ? "Take out of use" : "Offer again"}
                  </button>
                </div>
              </td>
            )}
          </ListRow>
        ))}
      </ListTable>
      {editable && editing && (
        <TypeForm
          key={editing.id}
          type={editing}
          onDone={(changed) => {
            setEditing(null);
            if (changed) onChanged();
          }}
        />
      )}
      {editable && <TypeForm key="new" type={null} onDone={(changed) => changed && onChanged()} />}
    </section>
  );
}

/** Adds a type (type null) or changes one; what was typed stays when the server refuses it. */
function TypeForm({ type, onDone }: { type: AppointmentType | null; onDone: (changed: boolean) => void }) {
  const blank = { name: "", kind: "follow-up" as AppointmentKind, minutes: "60" };
  const [form, setForm] = useState(type ? { name: type.name, kind: type.kind, minutes: String(type.minutes) } : blank);
  const save = useSubmit(async () => {
    const body = { name: form.name, kind: form.kind, minutes: form.minutes.trim() === "" ? null : Number(form.minutes) };
    if (type) await api("PATCH", `/api/v1/appointment-types/${type.id}`, body);
    else {
      await api("POST", "/api/v1/appointment-types", body);
      setForm(blank);
    }
    onDone(true);
  });
  const title = type ? `Change ${type.name}` : "Add an appointment type";
  return (
    <form
      className="settings-subform form-grid"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save.submit();
      }}
      noValidate
    >
      <h3>{title}</h3>
      <fieldset>
        <label>
          Name
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required maxLength={80} autoFocus={type !== null} placeholder="e.g. Short follow-up" />
          <FieldError error={save.error} field="name" />
        </label>
        <label>
          Kind
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as AppointmentKind })}>
            {APPOINTMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError error={save.error} field="kind" />
        </label>
        <label>
          Minutes
          <input type="number" inputMode="numeric" value={form.minutes} onChange={(e) => setForm({ ...form, minutes: e.target.value })} min={APPOINTMENT_MINUTES.min} max={APPOINTMENT_MINUTES.max} step={5} required />
          <FieldError error={save.error} field="minutes" />
        </label>
      </fieldset>
      <FormError error={save.error} />
      <div className="actions">
        <button type="submit" className={type ? "primary" : undefined} disabled={save.busy}>
          {type ? "Save changes" : "Add type"}
        </button>
        {type && (
          <button type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
