import { useState, type FormEvent } from "react";
import { ROLE_LABELS, ROLES, type Role } from "../../../domain/access/roles.ts";
import { PASSWORD_MIN_LENGTH } from "../../../domain/access/passwordPolicy.ts";
import { api, type StaffMember } from "../api.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useSession } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";
import { ClinicTwoFactorSetting, StaffTwoFactorState, type ClinicTwoFactor } from "../account/StaffTwoFactor.tsx";

/** A staff account with the background (years in practice, training, licence) the STRICTA record reports (item 5). */
type Member = StaffMember & { background: string | null };

export function StaffPage() {
  const { data: staff, error, reload } = useLoad(() => api<Member[]>("GET", "/api/v1/users"), "staff");
  const twoFactor = useLoad(() => api<ClinicTwoFactor>("GET", "/api/v1/clinic/two-factor"), "clinic-two-factor");
  const me = useSession().session.user.id;
  const { submit: change, error: actionError } = useSubmit(
    async (user: Member, changes: { role?: Role; active?: boolean }) => {
      await api("PATCH", `/api/v1/users/${user.id}`, changes);
      reload();
    },
  );

  return (
    <section>
      <h1>Staff</h1>
      <FormError error={error ?? actionError ?? twoFactor.error} />
      {staff && (
        <ListTable columns={["Name", "E-mail", "Role", "Background", "Status", "Two-factor", { label: "Actions", actions: true }]}>
            {staff.map((user) => (
              <ListRow key={user.id} className={user.active ? undefined : "inactive"}>
                <td>
                  {user.displayName}
                  {user.id === me && <span className="muted"> (you)</span>}
                </td>
                <td>{user.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.displayName}`}
                    value={user.role}
                    onChange={(event) => void change(user, { role: event.target.value as Role })}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <Background user={user} onSaved={reload} />
                </td>
                <td>{user.active ? "Active" : "Deactivated"}</td>
                <td>
                  <StaffTwoFactorState user={user} on={twoFactor.data?.enrolledUserIds.includes(user.id) ?? false} isMe={user.id === me} onReset={twoFactor.reload} />
                </td>
                <td>
                  <button type="button" onClick={() => void change(user, { active: !user.active })}>
                    {user.active ? "Deactivate" : "Reactivate"}
                  </button>
                </td>
              </ListRow>
            ))}
        </ListTable>
      )}
      {twoFactor.data && <ClinicTwoFactorSetting state={twoFactor.data} onChanged={twoFactor.reload} />}
      <AddStaff onAdded={reload} />
    </section>
  );
}

/** The background as text, with an editor behind a button: the STRICTA record quotes it for every practitioner who treated. */
function Background({ user, onSaved }: { user: Member; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(user.background ?? "");
  const { submit: save, error, busy } = useSubmit(async () => {
    await api("PATCH", `/api/v1/users/${user.id}`, { background: text.trim() === "" ? null : text });
    setEditing(false);
    onSaved();
  });
  if (!editing) {
    return (
      <div className="staff-background">
        {user.background ? <span>{user.background}</span> : <span className="muted">Not recorded</span>}{" "}
        <button
          type="button"
          className="small"
          aria-label={`Edit background of ${user.displayName}`}
          onClick={() => {
            setText(user.background ?? "");
            setEditing(true);
          }}
        >
          Edit
        </button>
      </div>
    );
  }
  return (
    <form
      className="staff-background"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <FormError error={error} />
      <label>
        Background of {user.displayName}
        <LimitedText
          as="textarea"
          rows={3}
          max={TEXT_LIMITS.background}
          value={text}
          placeholder="e.g. 12 years in practice; MSc Acupuncture; licensed (L.Ac.) in Oregon"
          onChange={(event) => setText(event.target.value)}
        />
        <FieldError error={error} field="background" />
      </label>
      <span className="muted small">
        Years in practice, training, licence; shown in the STRICTA record.
      </span>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddStaff({ onAdded }: { onAdded: () => void }) {
  const [added, setAdded] = useState<string | null>(null);
  const { submit: add, error } = useSubmit(async (formElement: HTMLFormElement) => {
    setAdded(null);
    const form = new FormData(formElement);
    const user = await api<StaffMember>("POST", "/api/v1/users", {
      displayName: String(form.get("displayName")),
      email: String(form.get("email")),
      role: String(form.get("role")),
      password: String(form.get("password")),
    });
    setAdded(`${user.displayName} can now sign in as ${user.email}.`);
    formElement.reset();
    onAdded();
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void add(event.currentTarget);
  }

  return (
    <form className="card form-grid" onSubmit={submit}>
      <h2>Add a staff member</h2>
      <FormError error={error} />
      {added && (
        <p className="success" role="status">
          {added}
        </p>
      )}
      <fieldset>
        <label>
          Name
          <input name="displayName" required placeholder="Sam Okafor, L.Ac." />
          <FieldError error={error} field="displayName" />
        </label>
        <label>
          E-mail
          <input name="email" type="email" required autoComplete="off" />
          <FieldError error={error} field="email" />
        </label>
        <label>
          Role
          <select name="role" defaultValue="practitioner">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        <label>
          First password (they can change it)
          <input name="password" type="text" required minLength={PASSWORD_MIN_LENGTH} autoComplete="off" />
          <FieldError error={error} field="password" />
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          Add staff member
        </button>
      </div>
    </form>
  );
}
