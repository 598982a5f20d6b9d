/**
 * Days the clinic is closed, as the owner enters them: Acuback ships no
 * holiday list (which days a clinic closes is its own choice and its region's).
 */
import { useState } from "react";
import { formatDate } from "../../../../domain/shared/dateWords.ts";
import { api } from "../../api.ts";
import { FieldError, FormError } from "../../components/FormError.tsx";
import { ListRow, ListTable } from "../../components/ListTable.tsx";
import { useSubmit } from "../../useSubmit.ts";

type Holiday = { id: string; on: string; name: string };

export function Holidays({ holidays, editable, onChanged }: { holidays: Holiday[]; editable: boolean; onChanged: () => void }) {
  const [form, setForm] = useState({ on: "", name: "" });
  const add = useSubmit(async () => {
    await api("POST", "/api/v1/holidays", form);
    setForm({ on: "", name: "" });
    onChanged();
  });
  const remove = useSubmit(async (id: string) => {
    await api("DELETE", `/api/v1/holidays/${id}`);
    onChanged();
  });
  const sorted = [...holidays].sort((a, b) => a.on.localeCompare(b.on));
  return (
    <section className="card" aria-labelledby="holidays-heading">
      <h2 id="holidays-heading">Public holidays and closures</h2>
      <p className="muted small">The clinic is closed on these days: nobody can be booked. Acuback ships no holiday list; enter your region's days.</p>
      <FormError error={remove.error} />
      <ListTable columns={editable ? ["Date", "Name", { label: "Actions", actions: true }] : ["Date", "Name"]} empty="No holidays entered." aria-label="Holidays">
        {sorted.map((h) => (
          <ListRow key={h.id}>
            <td>{formatDate(h.on)}</td>
            <td>{h.name}</td>
            {editable && (
              <td>
                <button type="button" onClick={() => void remove.submit(h.id)} disabled={remove.busy} aria-label={`Remove holiday ${h.name} on ${formatDate(h.on)}`}>
                  Remove
                </button>
              </td>
            )}
          </ListRow>
        ))}
      </ListTable>
      {editable && (
        <form
          className="settings-subform"
          aria-label="Add a holiday"
          onSubmit={(e) => {
            e.preventDefault();
            void add.submit();
          }}
          noValidate
        >
          <div className="row">
            <label className={add.error?.fields.on ? "invalid" : undefined}>
              Date
              <input type="date" value={form.on} onChange={(e) => setForm({ ...form, on: e.target.value })} />
              <FieldError error={add.error} field="on" />
            </label>
            <label className={add.error?.fields.name ? "invalid" : undefined}>
              Name
              <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} maxLength={120} placeholder="e.g. Independence Day" />
              <FieldError error={add.error} field="name" />
            </label>
            <button type="submit" disabled={add.busy}>
              Add holiday
            </button>
          </div>
          <FormError error={add.error} />
        </form>
      )}
    </section>
  );
}
