/** One directory result with the steps to verify the provider before booking. */
import { formatPhone } from "../../../domain/directory/provider.ts";
import { NCCAOM_FIND_A_PRACTITIONER } from "../../../domain/directory/verification.ts";
import type { ReactNode } from "react";
import type { DirectoryAddress, DirectoryResult } from "./types.ts";

const addressLines = (a: DirectoryAddress) => [a.line1, a.line2, `${a.city}${a.state ? `, ${a.state}` : ""} ${a.postalCode?.slice(0, 5) ?? ""}`].filter(Boolean) as string[];

export function ProviderCard({ result: r, number, children }: { result: DirectoryResult; number: number; children?: ReactNode }) {
  const phone = formatPhone(r.phone);
  const address = addressLines(r.address);
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
        {r.matchedLocation === "secondary" && r.practiceMiles !== null && <span className="muted small">Main address {r.practiceMiles.toFixed(1)} mi away.</span>}
      </address>
      {r.secondaryLocations.length > 0 && (
        <div className="also-practises">
          <h4>Also practises at</h4>
          <ul>
            {r.secondaryLocations.map((l, i) => (
              <li key={i} className={l.matched ? "matched" : undefined}>
                <address>
                  {addressLines(l.address).map((line) => (
                    <span key={line}>{line}</span>
                  ))}
                </address>
                <span className="small">
                  {l.miles !== null ? `${l.miles.toFixed(1)} mi` : "distance unknown"}
                  {l.matched && <strong> · within your radius: the distance above</strong>}
                  {l.locationApproximate && " · location approximate"}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
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
