/**
 * Owners give other systems (a hospital EHR, a registry) their own key to the
 * clinic's records: name it after the system, choose how far it reaches, copy
 * it once, revoke it at any time. What a token did shows in the audit log
 * under its name.
 */
import { RevokeCell } from "../components/RevokeCell.tsx";
import { useState } from "react";
import { API_TOKEN_SCOPE_LABELS, API_TOKEN_SCOPES, type ApiTokenScope } from "../../../domain/access/apiTokens.ts";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";
import { api } from "../api.ts";
import { FieldError, FormError } from "../components/FormError.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";

interface ApiToken {
  id: string;
  name: string;
  scope: ApiTokenScope;
  tokenPrefix: string;
  createdByName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function ApiTokensPage() {
  const tokens = useLoad(() => api<ApiToken[]>("GET", "/api/v1/api-tokens"), "api-tokens");
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const create = useSubmit(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const created = await api<{ token: string; apiToken: ApiToken }>("POST", "/api/v1/api-tokens", { name: String(data.get("name") ?? ""), scope: String(data.get("scope") ?? "") });
    setShown({ name: created.apiToken.name, token: created.token });
    form.reset();
    tokens.reload();
  });
  const revoke = useSubmit(async (id: string) => {
    await api("POST", `/api/v1/api-tokens/${id}/revoke`);
    tokens.reload();
  });
  return (
    <section>
      <h1>API tokens</h1>
      <p className="muted token-intro">
        A token lets another system read this clinic's records as FHIR R4 (<span className="mono">/fhir/R4</span>) or through the API (
        <span className="mono">/api/v1</span>), with <span className="mono">Authorization: Bearer …</span>. It reaches records as a practitioner would,
        never staff, settings or the audit log. Everything it does is in the audit log under its name.
      </p>
      <form
        className="card form-grid"
        aria-label="New API token"
        onSubmit={(event) => {
          event.preventDefault();
          void create.submit(event.currentTarget);
        }}
      >
        <FormError error={create.error} />
        <label>
          Name (the system that will use it)
          <input name="name" required placeholder="e.g. St Vincent EHR" />
          <FieldError error={create.error} field="name" />
        </label>
        <label>
          What it may do
          <select name="scope" defaultValue="fhir-read">
            {API_TOKEN_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {API_TOKEN_SCOPE_LABELS[scope]}
              </option>
            ))}
          </select>
          <FieldError error={create.error} field="scope" />
        </label>
        <div className="actions">
          <button type="submit" disabled={create.busy}>
            Create token
          </button>
        </div>
      </form>
      {shown && (
        <section className="card new-token" role="status" aria-label="New token">
          <p>
            <strong>Copy the token for “{shown.name}” now.</strong> Only a fingerprint of it is kept, so it cannot be shown again.
          </p>
          <p>
            <code className="mono token-value">{shown.token}</code>
          </p>
          <div className="actions">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(shown.token)}>
              Copy
            </button>
            <button type="button" className="secondary" onClick={() => setShown(null)}>
              Done
            </button>
          </div>
        </section>
      )}
      <FormError error={tokens.error ?? revoke.error} />
      {tokens.data && tokens.data.length === 0 && <p className="notice">No tokens yet.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <ListTable columns={["Name", "May", "Starts with", "Created", "Last used", "State"]}>
            {tokens.data.map((t) => (
              <ListRow key={t.id}>
                <td>{t.name}</td>
                <td>{API_TOKEN_SCOPE_LABELS[t.scope]}</td>
                <td className="mono">
                  {t.tokenPrefix}…
                </td>
                <td>
                  {formatDateTime(t.createdAt)}
                  {t.createdByName ? ` by ${t.createdByName}` : ""}
                </td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "never"}</td>
                <RevokeCell revokedAt={t.revokedAt} label={`Revoke ${t.name}`} question={`Revoke “${t.name}”? Its system loses access at once.`} busy={revoke.busy} onRevoke={() => void revoke.submit(t.id)} />
              </ListRow>
            ))}
        </ListTable>
      )}
    </section>
  );
}
