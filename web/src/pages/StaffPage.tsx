import { useState, type FormEvent } from "react";
import { ROLE_LABELS, ROLES, type Role } from "../../../domain/access/roles.ts";
import { PASSWORD_MIN_LENGTH } from "../../../domain/access/passwordPolicy.ts";
import { api, type ApiError, type StaffMember } from "../api.ts";
import { FieldError, FormError } from "../components/FormError.tsx";
import { useSession } from "../session.tsx";
import { useLoad } from "../useLoad.ts";

export function StaffPage() {
  const { data: staff, error, reload } = useLoad(() => api<StaffMember[]>("GET", "/api/v1/users"), "staff");
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const me = useSession().session.user.id;

  async function change(user: StaffMember, changes: { role?: Role; active?: boolean }) {
    try {
      await api("PATCH", `/api/v1/users/${user.id}`, changes);
      setActionError(null);
      reload();
    } catch (caught) {
      setActionError(caught as ApiError);
    }
  }

  return (
    <section>
      <h1>Staff</h1>
      <FormError error={error ?? actionError} />
      {staff && (
        <table className="list">
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Role</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {staff.map((user) => (
              <tr key={user.id} className={user.active ? undefined : "inactive"}>
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
                <td>{user.active ? "Active" : "Deactivated"}</td>
                <td>
                  <button type="button" onClick={() => void change(user, { active: !user.active })}>
                    {user.active ? "Deactivate" : "Reactivate"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddStaff onAdded={reload} />
    </section>
  );
}

function AddStaff({ onAdded }: { onAdded: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      const user = await api<StaffMember>("POST", "/api/v1/users", {
        displayName: String(form.get("displayName")),
        email: String(form.get("email")),
        role: String(form.get("role")),
        password: String(form.get("password")),
      });
      setError(null);
      setAdded(`${user.displayName} can now sign in as ${user.email}.`);
      formElement.reset();
      onAdded();
    } catch (caught) {
      setAdded(null);
      setError(caught as ApiError);
    }
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
