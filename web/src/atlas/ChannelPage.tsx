import { useMemo } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ATLAS } from "../../../domain/points/atlas.ts";
import { crossingText } from "../../../domain/points/roles.ts";
import type { MeridianCode } from "../../../domain/points/types.ts";
import { MapPanel } from "./MapPanel.tsx";

export function ChannelPage({ base }: { base: string }) {
  const { code = "" } = useParams();
  const navigate = useNavigate();
  const meridian = ATLAS.meridians.find((m) => m.code === code.toUpperCase());
  const points = useMemo(() => (meridian ? ATLAS.channel(meridian.code) : []), [meridian]);
  const crossings = useMemo(() => (meridian ? ATLAS.crossings(meridian.code) : []), [meridian]);
  const highlight = useMemo(() => new Set(points.map((p) => p.code)), [points]);
  if (!meridian) return <p className="notice">No channel “{code}”.</p>;
  return (
    <div className="atlas">
      <section className="atlas-search">
        <p className="crumbs">
          <Link to={base}>← Atlas</Link>
        </p>
        <h1>
          {meridian.name} channel <span className="hanzi">{meridian.hanzi.traditional}</span>
        </h1>
        <p>
          {meridian.fullName}. Runs {meridian.flow}.
          {meridian.paired && (
            <>
              {" "}
              Paired with the <Link to={`${base}/channels/${meridian.paired}`}>{ATLAS.meridians.find((m) => m.code === meridian.paired)!.name}</Link>{" "}
              channel.
            </>
          )}
        </p>
        <ol className="point-results channel-points">
          {points.map((point) => (
            <li key={point.code}>
              <Link to={`${base}/points/${point.code}`}>
                <span className="code">{point.code}</span> <span className="pinyin">{point.pinyin}</span>{" "}
                <span className="hanzi">{point.hanzi.traditional}</span> <span className="english">{point.english}</span>
              </Link>
              <span className="muted small">{point.region}</span>
            </li>
          ))}
        </ol>
        {crossings.length > 0 && (
          <section aria-labelledby="crossings">
            <h2 id="crossings">Where other channels cross this one</h2>
            <p className="muted small">
              Its own points where other channels meet it, and points of other channels it passes through (crossing or jiaohui
              points).
            </p>
            <ul className="point-results crossing-points">
              {crossings.map((point) => (
                <li key={point.code}>
                  <Link to={`${base}/points/${point.code}`}>
                    <span className="code">{point.code}</span> <span className="pinyin">{point.pinyin}</span>{" "}
                    <span className="hanzi">{point.hanzi.traditional}</span>
                  </Link>
                  <span className="muted small">
                    {point.roles.flatMap((role) => (role.kind === "crossing" ? [crossingText(role)] : [])).join("; ")}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>
      <MapPanel
        highlight={highlight}
        channel={meridian.code as MeridianCode}
        onPick={(c) => void navigate(`${base}/points/${encodeURIComponent(c)}`)}
      />
    </div>
  );
}
