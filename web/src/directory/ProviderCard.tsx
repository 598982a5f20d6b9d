/** One directory result with the steps to verify the provider before booking. */
import { formatPhone } from "../../../domain/directory/provider.ts";
import { NCCAOM_FIND_A_PRACTITIONER } from "../../../domain/directory/verification.ts";
import type { ReactNode } from "react";
import type { DirectoryResult } from "./types.ts";

export function ProviderCard({ result: r, number, children }: { result: DirectoryResult; number: number; children?: ReactNode }) {
  const phone = formatPhone(r.phone);
  const address = [r.address.line1, r.address.line2, `${r.address.city}${r.address.state ? `, ${r.address.state}` : ""} ${r.address.postalCode?.slice(0, 5) ?? ""}`].filter(Boolean);
  return (
    <li className="provider-card" id={`provider-${r.npi}`}>
      <div className="provider-head">
        <span className="provider-number">{number}</span>
        <h3>
          {r.name}
          {r.credential && <span className="credential">, {r.credential}</span>}
        </h3>
        <span className="miles">{r.miles.toFixed(1)} mi</span>
      </div>
      <p className="muted small">{r.entity === "organization" ? "Organisation" : "Individual"} · NPI {r.npi}</p>
      <address>
        {address.map((line) => (
          <span key={line}>{line}</span>
        ))}
        {r.locationApproximate && <span className="muted small">Location approximate: distance measured to the ZIP area.</span>}
      </address>
      {phone && (
        <p>
          <a className="call" href={`tel:${r.phone}`}>
            Call {phone}
          </a>
        </p>
      )}
      <p className="licence">
        {r.license.number ? (
          <>
            Licence given to NPPES: <strong>{r.license.state ?? "state not given"}</strong> {r.license.number}
          </>
        ) : (
          "No licence number given to NPPES."
        )}
      </p>
      <details className="verify">
        <summary>How to verify</summary>
        <ol>
          <li>
            {r.stateBoard.lookupUrl ? (
              <a href={r.stateBoard.lookupUrl} rel="noopener noreferrer" target="_blank">
                {r.stateBoard.stateName} board licence lookup
              </a>
            ) : (
              r.stateBoard.advice
            )}
          </li>
          <li>
            <a href={NCCAOM_FIND_A_PRACTITIONER.url} rel="noopener noreferrer" target="_blank">
              {NCCAOM_FIND_A_PRACTITIONER.label}
            </a>{" "}
            (Dipl. Ac. or Dipl. O.M.).
          </li>
          <li>
            <a href={r.registryUrl} rel="noopener noreferrer" target="_blank">
              NPI registry record
            </a>{" "}
            — what they registered, last updated {r.lastUpdateDate ?? "(no date)"}.
          </li>
        </ol>
      </details>
      {children}
    </li>
  );
}
