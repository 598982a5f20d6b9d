/** The atlas: instant search by any name, channel lists, and the body map lighting up what was found. */
import { useCallback, useMemo, useRef } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ATLAS } from "../../../domain/points/atlas.ts";
import { MERIDIAN_CODES, type MeridianCode } from "../../../domain/points/types.ts";
import { useShortcut } from "../useShortcut.ts";
import { POINT_SEARCH } from "./atlasSearch.ts";
import { MapPanel } from "./MapPanel.tsx";

const MATCH_LABEL: Record<string, string> = {
  code: "code",
  "former code": "old number",
  characters: "characters",
  pinyin: "pinyin",
  english: "English name",
  region: "region",
  indication: "indication",
  role: "role",
};

export function AtlasPage({ base }: { base: string }) {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const channel = (params.get("channel") as MeridianCode | null) ?? undefined;
  const lowBack = params.get("lowBack") === "1";
  const navigate = useNavigate();
  const box = useRef<HTMLInputElement>(null);
  useShortcut("/", useCallback(() => box.current?.focus(), []));

  const results = useMemo(() => {
    const filter = { meridian: channel, lowBackPain: lowBack ? true : undefined };
    if (q.trim()) return POINT_SEARCH.search(q, { limit: 60, filter });
    if (channel || lowBack) return POINT_SEARCH.filter(filter).map((point) => ({ point, matched: undefined }));
    return [];
  }, [q, channel, lowBack]);
  const highlight = useMemo(() => new Set(results.map((r) => r.point.code)), [results]);
  const open = (code: string) => void navigate(`${base}/points/${encodeURIComponent(code)}`);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <div className="atlas">
      <section className="atlas-search">
        <h1>Acupoint atlas</h1>
        <p className="muted">
          All 361 WHO channel points and {ATLAS.points.filter((p) => !p.meridian && !p.group).length} extra points. Search by
          code in any form (UB 23, bl-23, Bladder 23), pinyin (shenshu, Shèn Shū), characters (腎俞, 肾俞), English name,
          region (back of the knee), indication (sciatica) or role (crossing points of GB).
        </p>
        <input
          ref={box}
          type="search"
          aria-label="Search points"
          placeholder="Search points   ( / )"
          value={q}
          autoFocus
          onChange={(event) => set({ q: event.target.value })}
          onKeyDown={(event) => {
            const first = results[0];
            if (event.key === "Enter" && first) open(first.point.code);
          }}
        />
        <div className="chips" role="group" aria-label="Channel">
          {MERIDIAN_CODES.map((code) => (
            <button key={code} type="button" aria-pressed={channel === code} onClick={() => set({ channel: channel === code ? null : code })}>
              {code}
            </button>
          ))}
          <button type="button" aria-pressed={lowBack} onClick={() => set({ lowBack: lowBack ? null : "1" })}>
            Low back pain
          </button>
        </div>
        {(q || channel || lowBack) && (
          <p className="muted" aria-live="polite">
            {results.length === 0 ? "No point matches." : `${results.length} point${results.length === 1 ? "" : "s"}. Enter opens the first.`}
          </p>
        )}
        <ol className="point-results">
          {results.map(({ point, matched }) => (
            <li key={point.code}>
              <Link to={`${base}/points/${encodeURIComponent(point.code)}`}>
                <span className="code">{point.code}</span> <span className="pinyin">{point.pinyin}</span>{" "}
                <span className="hanzi">{point.hanzi.traditional}</span> <span className="english">{point.english}</span>
              </Link>
              <span className="muted small">
                {point.region}
                {matched ? ` · matched ${MATCH_LABEL[matched]}` : ""}
                {point.lowBackPain ? " · low back pain" : ""}
              </span>
            </li>
          ))}
        </ol>
        {!q && !channel && !lowBack && (
          <section>
            <h2>Channels</h2>
            <ul className="channel-list">
              {ATLAS.meridians.map((m) => (
                <li key={m.code}>
                  <Link to={`${base}/channels/${m.code}`}>
                    <span className="code">{m.code}</span> {m.name} <span className="hanzi">{m.hanzi.traditional}</span>{" "}
                    <span className="muted small">{m.points.length} points</span>
                  </Link>
                </li>
              ))}
            </ul>
            <p className="small">
          For patients: the <Link to="/guide">plain guide to acupuncture for back pain</Link> and the <Link to="/guide/library">evidence library</Link> of trials.
        </p>
      </section>
        )}
      </section>
      <MapPanel highlight={highlight} channel={channel} onPick={open} />
    </div>
  );
}
