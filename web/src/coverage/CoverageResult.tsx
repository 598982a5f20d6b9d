/** A coverage result as the engines give it: covered or not, modifiers, warnings, and the reasons behind a click. */
import type { ReactNode } from "react";

export interface CoverageResultView {
  covered: boolean;
  modifiers: string[];
  reasons: string[];
  warnings: string[];
}

export function CoverageResult({ coverage, title, testId, children }: { coverage: CoverageResultView; title?: ReactNode; testId: string; children?: ReactNode }) {
  return (
    <div className={`coverage-result ${coverage.covered ? "covered" : "not-covered"}`} data-testid={testId}>
      {title ?? <strong>{coverage.covered ? "Covered" : "Not covered"}</strong>}
      {coverage.modifiers.length > 0 && ` · modifier ${coverage.modifiers.join(", ")}`}
      {children}
      {coverage.warnings.map((w) => (
        <p key={w} className="form-error small" role="alert">
          {w}
        </p>
      ))}
      <details>
        <summary className="small">Why</summary>
        <ul className="small">
          {coverage.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
