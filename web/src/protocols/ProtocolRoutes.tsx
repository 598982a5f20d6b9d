/**
 * The clinic's protocols and the library's (each from a named trial), each
 * with its points on the body map and the library trials that used them.
 * Loaded on demand: the map and the trial table are large.
 */
import { useMemo } from "react";
import { Link, Route, Routes, useNavigate, useParams } from "react-router";
import { trialsSharingPoints } from "../../../domain/evidence/trialMatch.ts";
import { labelOf, MODALITIES } from "../../../domain/treatment/modalities.ts";
import { api } from "../api.ts";
import { MapPanel } from "../atlas/MapPanel.tsx";
import { FormError } from "../components/FormError.tsx";
import { SharedTrials } from "../evidence/SharedTrials.tsx";
import { useLoad } from "../useLoad.ts";
import type { ProtocolCatalogue } from "../visit/CourseOfCare.tsx";

/** A library or clinic protocol as this page shows it. */
interface ProtocolView {
  id: string;
  name: string;
  from: "library" | "clinic";
  modality: string;
  sites: { point: string | null; ashiRegion: string | null; side: string }[];
  library: ProtocolCatalogue["library"][number] | null;
  note: string | null;
}

function views(catalogue: ProtocolCatalogue): ProtocolView[] {
  return [
    ...catalogue.library.map((p): ProtocolView => ({ id: p.id, name: p.name, from: "library", modality: p.modality, sites: p.points, library: p, note: p.note })),
    ...catalogue.clinic.map(
      (p): ProtocolView => ({ id: p.id, name: p.name, from: "clinic", modality: p.treatment.modality, sites: p.treatment.sites, library: null, note: p.note ?? null }),
    ),
  ];
}

const codesOf = (p: ProtocolView) => p.sites.map((s) => s.point);
const sideWords: Record<string, string> = { left: "left", right: "right", bilateral: "both sides", midline: "midline" };
const label = (s: ProtocolView["sites"][number]) => `${s.point ?? `ashi, ${s.ashiRegion ?? "region not recorded"}`} ${sideWords[s.side] ?? s.side}`;

export default function ProtocolRoutes() {
  const catalogue = useLoad(() => api<ProtocolCatalogue>("GET", "/api/v1/protocols"), "protocols");
  if (catalogue.error) return <FormError error={catalogue.error} />;
  if (!catalogue.data) return <p className="loading">Loading the protocols…</p>;
  const all = views(catalogue.data);
  return (
    <Routes>
      <Route index element={<ProtocolList protocols={all} />} />
      <Route path=":id" element={<ProtocolPage protocols={all} />} />
    </Routes>
  );
}

function ProtocolList({ protocols }: { protocols: ProtocolView[] }) {
  const groups = [
    { id: "library", title: "From trials", items: protocols.filter((p) => p.from === "library") },
    { id: "clinic", title: "This clinic's", items: protocols.filter((p) => p.from === "clinic") },
  ];
  return (
    <article className="protocols">
      <h1>Protocols</h1>
      <p className="muted">Each protocol's points, and the trials in the evidence library that used them.</p>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>{g.title}</h2>
          {g.items.length === 0 ? (
            <p className="muted small">None yet: save a visit's points as a clinic protocol from the visit chart.</p>
          ) : (
            <ul className="protocol-list">
              {g.items.map((p) => (
                <li key={p.id}>
                  <Link to={`/protocols/${p.id}`}>{p.name}</Link>{" "}
                  <span className="small muted">
                    {codesOf(p).filter(Boolean).join(", ") || "ashi points only"} · {trialsSharingPoints(codesOf(p)).length} trials share its points
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}

function ProtocolPage({ protocols }: { protocols: ProtocolView[] }) {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const protocol = protocols.find((p) => p.id === id);
  const highlight = useMemo(() => new Set((protocol?.sites ?? []).flatMap((s) => (s.point ? [s.point] : []))), [protocol]);
  if (!protocol) {
    return (
      <section className="notice">
        <p>No protocol “{id}” in the library or this clinic.</p>
        <Link to="/protocols">All protocols</Link>
      </section>
    );
  }
  const source = protocol.library?.source;
  return (
    <div className="atlas">
      <section className="atlas-search protocol">
        <p className="crumbs">
          <Link to="/protocols">← Protocols</Link> · <Link to="/atlas">Atlas</Link>
        </p>
        <h1>{protocol.name}</h1>
        <dl className="trial-facts">
          <dt>Points</dt>
          <dd>{protocol.sites.map(label).join(", ") || "none"}</dd>
          {protocol.library && protocol.library.unresolved.length > 0 && (
            <>
              <dt>Also named</dt>
              <dd>{protocol.library.unresolved.join(", ")} (not in the atlas)</dd>
            </>
          )}
          <dt>Kind</dt>
          <dd>{labelOf(MODALITIES, protocol.modality)}</dd>
          {protocol.library && (
            <>
              <dt>Condition</dt>
              <dd>{protocol.library.condition}</dd>
            </>
          )}
          {source && (
            <>
              <dt>Source</dt>
              <dd className="small">
                {source.citation} {source.doi && <a href={`https://doi.org/${source.doi}`}>doi:{source.doi}</a>}
                {source.taraArticleId !== null && (
                  <>
                    {" · "}
                    <Link to={`/atlas/trials/tara-${source.taraArticleId}`}>its trial in the library</Link>
                  </>
                )}
              </dd>
            </>
          )}
          {protocol.note && (
            <>
              <dt>Note</dt>
              <dd className="small">{protocol.note}</dd>
            </>
          )}
          {protocol.from === "clinic" && (
            <>
              <dt>From</dt>
              <dd>this clinic's own protocols</dd>
            </>
          )}
        </dl>
        <section aria-labelledby="shared-trials">
          <h2 id="shared-trials">Trials that used these points</h2>
          <p className="small muted">Closest first: most of the protocol's points, fewest others. Each number is how many library trials used that point.</p>
          <SharedTrials points={codesOf(protocol)} />
          <p className="small">
            <Link to="/guide/library">The evidence library</Link>
          </p>
        </section>
      </section>
      <MapPanel highlight={highlight} onPick={(code) => void navigate(`/atlas/points/${encodeURIComponent(code)}`)} hint="Click a point to open it in the atlas." />
    </div>
  );
}
