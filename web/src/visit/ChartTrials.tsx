/**
 * "Trials that used these points" under the chart: closed by default and
 * placed after the sign bar, so it adds no work and no tab stop before the
 * point bar, the sites and signing. The trial table loads only when it is opened.
 */
import { lazy, Suspense, useState } from "react";

const SharedTrials = lazy(() => import("../evidence/SharedTrials.tsx").then((m) => ({ default: m.SharedTrials })));

export function ChartTrials({ points }: { points: readonly (string | null)[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-trials" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Trials that used these points</summary>
      {open && (
        <Suspense fallback={<p className="muted small">Loading the evidence library…</p>}>
          <SharedTrials points={points} compact />
        </Suspense>
      )}
    </details>
  );
}
