/**
 * The safety findings, live as points are added: blocks first, each with the
 * written reason that alone lets the visit go ahead, kept with the visit.
 */
import { overrideCovers, reasonProblem, type SafetyOverride } from "../../../domain/treatment/overrides.ts";
import type { SafetyFinding } from "../../../domain/treatment/safety.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "../components/LimitedText.tsx";

export function FindingsPanel({ findings, overrides, onOverride, readOnly = false }: { findings: SafetyFinding[]; overrides: SafetyOverride[]; onOverride?: (override: SafetyOverride) => void; readOnly?: boolean }) {
  if (findings.length === 0) return <p className="muted small" data-testid="findings">No safety findings for this treatment and the patient's flags.</p>;
  return (
    <ul className="findings" data-testid="findings" aria-live="polite">
      {findings.map((finding) => {
        const override = overrides.find((o) => overrideCovers(o, finding)) ?? overrides.find((o) => o.rule === finding.rule);
        const problem = override ? reasonProblem(override.reason) : null;
        const passed = finding.severity === "block" && override && !problem && overrideCovers(override, finding);
        return (
          <li key={`${finding.rule}-${finding.points.join()}`} className={`finding ${finding.severity}${passed ? " overridden" : ""}`} data-rule={finding.rule}>
            <strong>{finding.severity === "block" ? (passed ? "Overridden" : "Blocked") : "Caution"}</strong> {finding.message}
            <div className="small muted">Source: {finding.source}</div>
            {finding.severity === "block" && readOnly && override && <p className="override-reason">Reason recorded: {override.reason}</p>}
            {finding.severity === "block" && !readOnly && onOverride && (
              <label className="small">
                To go ahead, write why (kept with the visit and shown on it)
                <LimitedText
                  as="textarea"
                  max={TEXT_LIMITS.overrideReason}
                  rows={2}
                  aria-label={`Reason to override: ${finding.message.split(":")[0]}`}
                  value={override?.reason ?? ""}
                  onChange={(e) => onOverride({ rule: finding.rule, points: finding.points, reason: e.target.value })}
                />
                {override && problem && <span className="field-error">{problem}</span>}
              </label>
            )}
          </li>
        );
      })}
    </ul>
  );
}
