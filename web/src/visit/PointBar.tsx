/**
 * The keyboard point bar: type "bl23 b, bl40 b, gv3" or "weizhong l" and press
 * Enter; Backspace in the empty bar takes the last point off. A preview says
 * what Enter will add, so a slip is seen before it lands.
 */
import { useMemo, useState } from "react";
import { ATLAS } from "../../../domain/points/atlas.ts";
import { createPointSearch } from "../../../domain/points/search.ts";
import { parsePointBar, type PointBarEntry } from "../../../domain/treatment/pointBar.ts";

const SEARCH = createPointSearch(ATLAS);
const SIDE_TEXT = { left: "left", right: "right", bilateral: "both sides", midline: "midline" } as const;

function describe(entry: PointBarEntry): string {
  if (!entry.ok) return entry.message;
  if (entry.point === null) return `Ashi point, ${entry.ashiRegion}, ${SIDE_TEXT[entry.side]}`;
  const point = ATLAS.resolve(entry.point)!;
  return `${point.code} ${point.pinyin} (${point.english}), ${SIDE_TEXT[entry.side]}`;
}

export function PointBar({ onAdd, onRemoveLast }: { onAdd: (entries: Extract<PointBarEntry, { ok: true }>[]) => void; onRemoveLast: () => void }) {
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const preview = useMemo(() => (text.trim() ? parsePointBar(text, ATLAS, SEARCH) : []), [text]);

  function commit() {
    const entries = parsePointBar(text, ATLAS, SEARCH);
    const good = entries.filter((e): e is Extract<PointBarEntry, { ok: true }> => e.ok);
    const bad = entries.filter((e) => !e.ok);
    if (good.length > 0) onAdd(good);
    setProblems(bad.map(describe));
    // Keep what could not be read, so it can be fixed rather than typed again.
    setText(bad.map((e) => e.text).join(", "));
  }

  return (
    <div className="point-bar">
      <label>
        Add points <span className="small">(e.g. <span className="mono">bl23 b, ub-40 bilateral, weizhong l, ashi lumbar r</span>; Enter adds, Backspace in the empty bar removes the last)</span>
        <input
          type="text"
          value={text}
          aria-label="Add points"
          autoComplete="off"
          spellCheck={false}
          placeholder="bl23 b, bl40 b, ki3 b, gv3, ashi lumbar"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit();
            } else if (event.key === "Backspace" && text === "") {
              event.preventDefault();
              onRemoveLast();
            }
          }}
        />
      </label>
      {preview.length > 0 && (
        <ul className="point-preview small" aria-live="polite">
          {preview.map((entry, i) => (
            <li key={i} className={entry.ok ? undefined : "field-error"}>
              {describe(entry)}
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && preview.length === 0 && (
        <ul className="point-preview small">
          {problems.map((p) => (
            <li key={p} className="field-error">
              {p}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
