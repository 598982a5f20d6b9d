/** "BL40 lies over the tibial nerve": the nerves under each point, read from the atlas's public API (TARA's nerve data). */
import { Link } from "react-router";
import { api } from "../api.ts";
import { useLoad } from "../useLoad.ts";

interface PointNerves {
  code: string;
  pinyin: string;
  english: string;
  nerves: string[];
}

export function Nerves({ points }: { points: readonly string[] }) {
  const key = points.join(",");
  const state = useLoad(() => Promise.all(key.split(",").map((code) => api<PointNerves>("GET", `/api/v1/points/${encodeURIComponent(code)}`))), key);
  if (state.error) return <p className="muted">The atlas could not be reached.</p>;
  if (!state.data) return <p className="muted">Reading the atlas…</p>;
  return (
    <ul className="nerve-list">
      {state.data.map((point) => (
        <li key={point.code}>
          <Link to={`/atlas/points/${point.code}`}>
            {point.code} {point.pinyin}
          </Link>{" "}
          {point.nerves.length > 0 ? `lies over the ${joinWords(point.nerves)}.` : "has no nerve listed in the atlas data."}
        </li>
      ))}
    </ul>
  );
}

function joinWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
