/**
 * A secret's "Revoke…" cell in a list (API tokens, calendar feeds): when it was
 * revoked, or a button that asks once more, saying what stops, before it acts.
 */
import { useState } from "react";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";

export function RevokeCell({ revokedAt, label, question, busy, onRevoke }: { revokedAt: string | null; label: string; question: string; busy: boolean; onRevoke: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (revokedAt) return <td>revoked {formatDateTime(revokedAt)}</td>;
  return (
    <td>
      {confirming ? (
        <span className="confirm">
          {question}{" "}
          <button type="button" onClick={onRevoke} disabled={busy}>
            Revoke
          </button>{" "}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={label}>
          Revoke…
        </button>
      )}
    </td>
  );
}
