import { Link, useNavigate, useParams } from "react-router";
import { TRIALS, trialCitation, trialsForPoint } from "../../../domain/evidence/trials.ts";
import { ATLAS } from "../../../domain/points/atlas.ts";
import { MAP_VIEWS, viewsOf } from "../../../domain/points/maps/views.ts";
import { needlingSourceText, needlingText } from "../../../domain/points/needling.ts";
import { roleText } from "../../../domain/points/roles.ts";
import { BodyMap } from "./BodyMap.tsx";

export function PointPage({ base }: { base: string }) {
  const { code = "" } = useParams();
  const navigate = useNavigate();
  const point = ATLAS.resolve(decodeURIComponent(code));
  if (!point) {
    return (
      <section className="notice">
        <p>No point answers to “{code}”.</p>
        <Link to={`${base}?q=${encodeURIComponent(code)}`}>Search for it</Link>
      </section>
    );
  }
  const channel = point.meridian ? ATLAS.channel(point.meridian) : [];
  const index = channel.findIndex((p) => p.code === point.code);
  const [previous, next] = [channel[index - 1], channel[index + 1]];
  const views = viewsOf(point.code).map((id) => MAP_VIEWS.find((v) => v.id === id)!);
  const trials = trialsForPoint(point.code);
  const open = (c: string) => void navigate(`${base}/points/${encodeURIComponent(c)}`);

  return (
    <article className="point-page">
      <p className="crumbs">
        <Link to={base}>← Atlas</Link>
        {point.meridian && (
          <>
            {" · "}
            <Link to={`${base}/channels/${point.meridian}`}>{ATLAS.meridians.find((m) => m.code === point.meridian)!.name} channel</Link>
          </>
        )}
      </p>
      <header className="point-head">
        <h1>
          <span className="code">{point.code}</span> {point.pinyin} <span className="hanzi">{point.hanzi.traditional}</span>
          {point.hanzi.simplified !== point.hanzi.traditional && <span className="hanzi muted"> {point.hanzi.simplified}</span>}
        </h1>
        <p className="english">{point.english}</p>
      </header>
      <div className="point-body">
        <section className="card">
          <dl className="facts">
            <dt>Location</dt>
            <dd>{point.location}</dd>
            <dt>Region</dt>
            <dd>{point.region}</dd>
            <dt>Needling</dt>
            <dd className={point.needling.restriction ? "needling restricted" : "needling"}>
              {needlingText(point.needling)}
              <br />
              <span className="muted small">Needling: {needlingSourceText(point.needling.source)}</span>
            </dd>
            {point.cautions.length > 0 && (
              <>
                <dt>Cautions</dt>
                <dd>
                  <ul className="cautions">
                    {point.cautions.map((caution) => (
                      <li key={caution.kind + caution.text} className={`caution ${caution.kind}`}>
                        {caution.text} <span className="muted small">({caution.source})</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {point.roles.length > 0 && (
              <>
                <dt>Roles</dt>
                <dd>{point.roles.map(roleText).join("; ")}</dd>
              </>
            )}
            {point.indications.length > 0 && (
              <>
                <dt>Traditional indications</dt>
                <dd>{point.indications.join(", ")}</dd>
              </>
            )}
            {(point.lowBackPain || point.sciatica) && (
              <>
                <dt>Back pain</dt>
                <dd>
                  {[point.lowBackPain && "indicated for low back pain", point.commonForLowBackPain && "commonly used in trials", point.sciatica && "sciatica or leg pain"]
                    .filter(Boolean)
                    .join("; ")}
                </dd>
              </>
            )}
            {point.nerves.length > 0 && (
              <>
                <dt>Nerves</dt>
                <dd>{point.nerves.join(", ")}</dd>
              </>
            )}
            {point.vessels.length > 0 && (
              <>
                <dt>Vessels</dt>
                <dd>{point.vessels.join(", ")}</dd>
              </>
            )}
            <dt>Also written</dt>
            <dd>{[...point.aliases, ...point.formerCodes.map((c) => `${c} (older numbering)`)].join(", ") || "—"}</dd>
            <dt>Sources</dt>
            <dd className="small">{point.sources.join("; ")}</dd>
          </dl>
          <p className="muted small">
            Traditional indications come from classical texts as collected by TARA; they are not evidence that needling the point
            helps those conditions.
          </p>
          <section className="point-trials" aria-labelledby="point-trials">
            <h2 id="point-trials">Trials that used this point</h2>
            {trials.length === 0 ? (
              <p className="muted small">None of the {TRIALS.length} pain trials in the evidence library lists {point.code}.</p>
            ) : (
              <ul>
                {trials.map((t) => (
                  <li key={t.id}>
                    <Link to={`${base}/trials/${t.id}`}>{trialCitation(t)}</Link> <span className="muted small">{t.condition}, {t.size ?? "?"} people</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="small">
              <Link to={`/guide/library?point=${point.code}`}>In the evidence library</Link> · <Link to="/guide">Patient guide</Link>
            </p>
          </section>
          {point.meridian && (
            <nav className="neighbours" aria-label="Along the channel">
              {previous ? <Link to={`${base}/points/${previous.code}`}>← {previous.code} {previous.pinyin}</Link> : <span />}
              {next ? <Link to={`${base}/points/${next.code}`}>{next.code} {next.pinyin} →</Link> : <span />}
            </nav>
          )}
        </section>
        <section className="point-maps" aria-label="Where it is">
          {views.map((view) => (
            <figure key={view.id} className={view.detail ? "detail" : "full"}>
              <BodyMap view={view} selected={point.code} channel={point.meridian ?? undefined} onPick={open} />
              <figcaption>{view.label}</figcaption>
            </figure>
          ))}
        </section>
      </div>
    </article>
  );
}
