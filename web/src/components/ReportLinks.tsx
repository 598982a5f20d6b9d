/**
 * Ask the patient to report from home: pick questionnaires, get a single-use
 * link to copy, print or scan (QR code). The link is shown once. Only
 * questionnaires a patient can answer are offered: ours (NRS, PEG) and those
 * whose licensed wording the clinic has loaded; the rest say why not.
 */
import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { instrumentById } from "../../../domain/assessment/instruments/registry.ts";
import type { InstrumentForm } from "../../../domain/assessment/instruments/wording.ts";
import { instrumentList } from "../../../domain/outcomes/followUp.ts";
import { api } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FormError } from "./FormError.tsx";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";

interface Link {
  id: string;
  instruments: string[];
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}
const DEFAULT_CHOICES = ["nrs", "peg"];
const shortNameOf = (id: string) => instrumentById(id)?.shortName ?? id;

/** Whether the link can also go by e-mail: the server has e-mail configured and the patient has an address. */
export interface EmailReach {
  emailConfigured: boolean;
  hasEmail: boolean;
}

export function ReportLinks({ patientId, emailReach = null }: { patientId: string; emailReach?: EmailReach | null }) {
  const questionnaires = useLoad(() => api<InstrumentForm[]>("GET", "/api/v1/questionnaires"), "questionnaires");
  const asked = (useSearchParams()[0].get("ask") ?? "").split(",").filter(Boolean);
  if (!questionnaires.data) return <FormError error={questionnaires.error} />;
  return <ReportLinkForm patientId={patientId} choices={questionnaires.data} asked={asked} emailReach={emailReach} />;
}

function ReportLinkForm({ patientId, choices, asked: askedIds, emailReach }: { patientId: string; choices: InstrumentForm[]; asked: string[]; emailReach: EmailReach | null }) {
  const url = `/api/v1/patients/${patientId}/report-links`;
  const links = useLoad(() => api<Link[]>("GET", url), patientId);
  const ready = choices.filter((form) => form.patientReady).map((form) => form.id);
  // Arriving from the follow-up list (`?ask=nrs,odi`), the missing questionnaires a patient can answer are ticked and the button focused.
  const asked = askedIds.filter((id) => ready.includes(id));
  const askedButNotReady = choices.filter((form) => askedIds.includes(form.id) && !form.patientReady);
  // Asked for questionnaires none of which can go home: nothing is ticked, and the notice below says what to do.
  const [chosen, setChosen] = useState<string[]>(askedIds.length > 0 ? asked : DEFAULT_CHOICES.filter((id) => ready.includes(id)));
  const createButton = useRef<HTMLButtonElement>(null);
  const focusOnArrival = asked.length > 0;
  useEffect(() => {
    if (!focusOnArrival) return;
    createButton.current?.scrollIntoView({ block: "center" });
    createButton.current?.focus();
  }, [focusOnArrival]);
  const [created, setCreated] = useState<string | null>(null);
  const canEmail = emailReach?.emailConfigured === true && emailReach.hasEmail;
  const [byEmail, setByEmail] = useState(false);
  const [emailed, setEmailed] = useState<{ outcome: "sent" | "failed"; errorCode: string | null } | null>(null);
  const { submit, error, busy } = useSubmit(async () => {
    const link = await api<Link & { url: string; email: { outcome: "sent" | "failed"; errorCode: string | null } | null }>("POST", url, { instruments: chosen, expiresInDays: 7, sendByEmail: canEmail && byEmail });
    setCreated(link.url);
    setEmailed(link.email);
    links.reload();
  });
  return (
    <section className="card report-links" aria-label="Report from home">
      <h2>Report from home</h2>
      <FormError error={error ?? links.error} />
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="chips">
          <legend className="muted small">Questionnaires to send</legend>
          {choices.map(({ id, name, patientReady }) => (
            <label key={id} className={`check ${patientReady ? "" : "muted"}`} title={name}>
              <input
                type="checkbox"
                disabled={!patientReady}
                checked={patientReady && chosen.includes(id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, id] : chosen.filter((c) => c !== id))}
              />
              {shortNameOf(id)}
              {!patientReady && <span className="small"> (needs licensed wording)</span>}
            </label>
          ))}
        </fieldset>
        {canEmail && (
          <label className="check">
            <input type="checkbox" checked={byEmail} onChange={(e) => setByEmail(e.target.checked)} />
            Send by e-mail too
          </label>
        )}
        <button ref={createButton} type="submit" className="primary" disabled={busy || chosen.length === 0}>
          Create link (valid 7 days, once)
        </button>
      </form>
      {emailReach && !canEmail && (
        <p className="muted small">{emailReach.emailConfigured ? "No e-mail address on the record: give the link another way." : "E-mail is not configured on this server: give the link another way."}</p>
      )}
      {emailed && (
        <p className={emailed.outcome === "sent" ? "notice small" : "form-error small"} role="status">
          {emailed.outcome === "sent" ? "The link was e-mailed to the patient." : `The e-mail could not be sent (${emailed.errorCode}); give the patient the link below.`}
        </p>
      )}
      {choices.some((form) => !form.patientReady) && (
        <p className="muted small">
          A patient can answer a questionnaire at home only in words they can read: NRS and PEG are asked in ours; the others need
          the wording your clinic licenses, loaded on the Questionnaires page. Until then, record them with the patient in the clinic.
        </p>
      )}
      {askedButNotReady.length > 0 && (
        <p className="notice small" role="status">
          Also due: {askedButNotReady.map((form) => shortNameOf(form.id)).join(", ")}. Record {askedButNotReady.length === 1 ? "it" : "them"} at
          the next visit, or load the licensed wording to send {askedButNotReady.length === 1 ? "it" : "them"}.
        </p>
      )}
      {created && <CreatedLink url={created} />}
      {created && <LinkReach url={created} />}
      {links.data && links.data.length > 0 && (
        <ul className="link-history small">
          {links.data.map((link) => (
            <LinkEntry key={link.id} link={link} url={url} onWithdrawn={links.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One link of the history: what it asked, and whether it was answered, withdrawn or expired; an open one can be withdrawn. */
function LinkEntry({ link, url, onWithdrawn }: { link: Link; url: string; onWithdrawn: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const withdraw = useSubmit(async () => {
    await api("POST", `${url}/${link.id}/withdraw`);
    onWithdrawn();
  });
  const open = !link.usedAt && !link.revokedAt && Date.parse(link.expiresAt) >= Date.now();
  const state = link.usedAt
    ? `answered ${formatDateTime(link.usedAt)}`
    : link.revokedAt
      ? `withdrawn ${formatDateTime(link.revokedAt)}`
      : open
        ? `open until ${formatDateTime(link.expiresAt)}`
        : "expired";
  return (
    <li>
      {formatDateTime(link.createdAt)}: {instrumentList(link.instruments)} — {state}
      {open && !confirming && (
        <>
          {" "}
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Withdraw…
          </button>
        </>
      )}
      {open && confirming && (
        <span className="confirm">
          {" "}
          The link stops working at once.{" "}
          <button type="button" onClick={() => void withdraw.submit()} disabled={withdraw.busy}>
            Withdraw link
          </button>{" "}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      )}
      <FormError error={withdraw.error} />
    </li>
  );
}

function CreatedLink({ url }: { url: string }) {
  const [svg, setSvg] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    void QRCode.toString(url, { type: "svg", margin: 1, width: 160 }).then(setSvg);
  }, [url]);
  return (
    <div className="created-link" data-testid="report-link">
      <p>
        Give this link to the patient now; it is not shown again. <code>{url}</code>
      </p>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {/* The QR code is SVG markup generated locally from the link; nothing is fetched. */}
      {svg && <div className="qr" aria-label="QR code of the link" role="img" dangerouslySetInnerHTML={{ __html: svg }} />}
    </div>
  );
}

/** Says where the link points, and warns when a patient's phone cannot reach it. */
function LinkReach({ url }: { url: string }) {
  const { hostname, origin } = new URL(url);
  const thisComputerOnly = hostname === "localhost" || hostname === "::1" || hostname === "[::1]" || hostname.startsWith("127.");
  return thisComputerOnly ? (
    <p className="form-error small" role="alert">
      This link points at {origin}, which opens only on this computer. To send links to patients' phones, serve Acuback on your network with ACUBACK_PUBLIC_URL set (see
      the README).
    </p>
  ) : (
    <p className="muted small">The link opens at {origin}.</p>
  );
}
