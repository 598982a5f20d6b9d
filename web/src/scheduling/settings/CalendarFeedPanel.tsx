/**
 * A practitioner's calendar feed: a secret address to paste into their own
 * calendar app (Google, Apple, Outlook) so their appointments show there.
 * Shown once, revocable at once. Owners can make and revoke anyone's.
 * The events say only the type, the patient's initials and record number and
 * the room: the feed leaves the clinic (docs/decisions/0018-calendar-feed.md).
 */
import { RevokeCell } from "../../components/RevokeCell.tsx";
import { useState } from "react";
import { formatDateTime } from "../../../../domain/shared/dateWords.ts";
import { api } from "../../api.ts";
import { FormError } from "../../components/FormError.tsx";
import { ListRow, ListTable } from "../../components/ListTable.tsx";
import { useLoad } from "../../useLoad.ts";
import { useSubmit } from "../../useSubmit.ts";
import type { CalendarFeed } from "./settingsTypes.ts";

export function CalendarFeedPanel({ practitioners, me, configure }: { practitioners: { id: string; name: string }[]; me: string; configure: boolean }) {
  const feeds = useLoad(() => api<CalendarFeed[]>("GET", "/api/v1/calendar-feeds"), "calendar-feeds");
  const [forWhom, setForWhom] = useState(practitioners.some((p) => p.id === me) ? me : (practitioners[0]?.id ?? ""));
  const [shown, setShown] = useState<{ name: string; url: string } | null>(null);
  const create = useSubmit(async () => {
    const made = await api<{ feed: CalendarFeed; url: string }>("POST", `/api/v1/practitioners/${forWhom}/calendar-feed`);
    setShown({ name: made.feed.practitionerName, url: made.url });
    feeds.reload();
  });
  const revoke = useSubmit(async (id: string) => {
    await api("POST", `/api/v1/calendar-feeds/${id}/revoke`);
    feeds.reload();
  });
  const choices = configure ? practitioners : practitioners.filter((p) => p.id === me);
  const live = (feeds.data ?? []).filter((f) => !f.revokedAt);
  return (
    <section className="card" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Calendar feed</h2>
      <p className="muted small">
        A private address your own calendar app subscribes to (in Google Calendar: “From URL”; on an iPhone: Settings → Calendar → Accounts → Add subscribed calendar). It shows your appointments from 30 days back to 180 ahead, each as
        the type, the patient's initials and record number, and the room: never a name or clinical detail, because the calendar app and its company keep a copy outside the clinic. Anyone with the address can read it, so revoke it if it
        leaks.
      </p>
      <FormError error={feeds.error ?? create.error ?? revoke.error} />
      {choices.length > 0 && (
        <form
          className="row"
          aria-label="New calendar feed"
          onSubmit={(e) => {
            e.preventDefault();
            void create.submit();
          }}
        >
          {configure && (
            <label>
              For
              <select value={forWhom} onChange={(e) => setForWhom(e.target.value)}>
                {choices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="primary" disabled={create.busy || live.some((f) => f.practitionerId === forWhom)}>
            {forWhom === me ? "Make my calendar feed" : "Make a calendar feed"}
          </button>
          {live.some((f) => f.practitionerId === forWhom) && <span className="muted small">A live feed exists: revoke it to make a new address.</span>}
        </form>
      )}
      {shown && (
        <section className="new-token" role="status" aria-label="New calendar feed address">
          <p>
            <strong>Copy the address of {shown.name}'s feed now.</strong> Only a fingerprint of it is kept, so it cannot be shown again.
          </p>
          <p>
            <code className="mono token-value feed-url">{shown.url}</code>
          </p>
          <div className="actions">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(shown.url)}>
              Copy
            </button>
            <button type="button" onClick={() => setShown(null)}>
              Done
            </button>
          </div>
        </section>
      )}
      {feeds.data && feeds.data.length > 0 && (
        <ListTable columns={["Practitioner", "Made", "Last fetched", "State"]} aria-label="Calendar feeds">
          {feeds.data.map((f) => (
            <ListRow key={f.id} className={f.revokedAt ? "inactive" : undefined}>
              <td>{f.practitionerName}</td>
              <td>
                {formatDateTime(f.createdAt)}
                {f.createdByName ? ` by ${f.createdByName}` : ""}
              </td>
              <td>{f.lastFetchedAt ? formatDateTime(f.lastFetchedAt) : "never"}</td>
              <RevokeCell revokedAt={f.revokedAt} label={`Revoke the calendar feed of ${f.practitionerName}`} question="Revoke? The calendar app stops getting updates at once." busy={revoke.busy} onRevoke={() => void revoke.submit(f.id)} />
            </ListRow>
          ))}
        </ListTable>
      )}
    </section>
  );
}
