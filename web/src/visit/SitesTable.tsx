/** The needled sites, one row each: side, depth with its unit, angle, manipulation, intent, de qi, retention. */
import { ATLAS } from "../../../domain/points/atlas.ts";
import { MANIPULATIONS, NEEDLE_ANGLES, NEEDLING_INTENTS } from "../../../domain/treatment/modalities.ts";
import { SIDES, type NeedleSite } from "../../../domain/treatment/treatment.ts";
import { Choice } from "./Choice.tsx";
import { ListRow, ListTable } from "../components/ListTable.tsx";

const SIDE_LABEL = { left: "Left", right: "Right", bilateral: "Both", midline: "Midline" } as const;
/** Short labels so a row fits a tablet's width; the full ones are in the list's tooltips and the signed note. */
const SHORT: Record<string, string> = {
  perpendicular: "Perp.",
  oblique: "Oblique",
  transverse: "Transv.",
  "lifting-thrusting": "Lift–thrust",
  twirling: "Twirl",
  none: "None",
  even: "Even",
  reinforcing: "Reinforce",
  reducing: "Reduce",
};
const short = (list: readonly { id: string; label: string }[]) => list.map((o) => ({ id: o.id, label: SHORT[o.id] ?? o.label, title: o.label }));
const ANGLES = short(NEEDLE_ANGLES);
const MANIPULATION_CHOICES = short(MANIPULATIONS);
const INTENTS = short(NEEDLING_INTENTS);

function nameOf(site: NeedleSite): string {
  if (!site.point) return `Ashi, ${site.ashiRegion ?? "region?"}`;
  const point = ATLAS.resolve(site.point);
  return point ? `${point.pinyin}` : "";
}

function rangeOf(site: NeedleSite): string {
  const range = site.point ? ATLAS.resolve(site.point)?.needling.depthCun : null;
  return range ? `${range.min}–${range.max} cun` : "";
}

export function SitesTable({ sites, onChange, onRemove }: { sites: NeedleSite[]; onChange: (index: number, site: NeedleSite) => void; onRemove: (index: number) => void }) {
  if (sites.length === 0) return <p className="muted">No points yet: type them in the bar above or click them on the map.</p>;
  return (
    <div className="table-scroll">
      <ListTable className="sites" columns={["Point", "Side", "Depth", "Angle", "Manipulation", "Intent", "De qi", "Min", "Skin", { label: "Remove", actions: true }]}>
          {sites.map((site, i) => {
            const set = (change: Partial<NeedleSite>) => onChange(i, { ...site, ...change });
            const label = site.point ?? `ashi ${site.ashiRegion}`;
            const midline = site.point !== null && /^(GV|CV)/.test(site.point);
            // An ashi point may be one needle on the midline or either side, or a pair.
            const sides = site.point === null ? SIDES : SIDES.filter((s) => (midline ? s === "midline" : s !== "midline"));
            return (
              <ListRow key={`${label}-${i}`} data-site={label}>
                <td>
                  <span className="code">{site.point ?? "Ashi"}</span> <span className="small">{nameOf(site)}</span>
                </td>
                <td>
                  <select aria-label={`${label} side`} value={site.side} onChange={(e) => set({ side: e.target.value as NeedleSite["side"] })}>
                    {sides.map((s) => (
                      <option key={s} value={s}>
                        {SIDE_LABEL[s]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="depth">
                  <input
                    aria-label={`${label} depth`}
                    type="number"
                    min={0}
                    step={site.depth?.unit === "mm" ? 1 : 0.1}
                    value={site.depth?.value ?? ""}
                    placeholder={rangeOf(site)}
                    title={rangeOf(site) ? `Recorded range ${rangeOf(site)}` : undefined}
                    onChange={(e) => set({ depth: e.target.value === "" ? null : { value: Number(e.target.value), unit: site.depth?.unit ?? "cun" } })}
                  />
                  <select aria-label={`${label} depth unit`} value={site.depth?.unit ?? "cun"} onChange={(e) => site.depth && set({ depth: { ...site.depth, unit: e.target.value as "mm" | "cun" } })}>
                    <option value="cun">cun</option>
                    <option value="mm">mm</option>
                  </select>
                </td>
                <td>
                  <Choice label={`${label} angle`} value={site.angle} options={ANGLES} onChange={(angle) => set({ angle: angle as NeedleSite["angle"] })} />
                </td>
                <td>
                  <Choice label={`${label} manipulation`} value={site.manipulation} options={MANIPULATION_CHOICES} onChange={(m) => set({ manipulation: m as NeedleSite["manipulation"] })} />
                </td>
                <td>
                  <Choice label={`${label} intent`} value={site.intent} options={INTENTS} onChange={(m) => set({ intent: m as NeedleSite["intent"] })} />
                </td>
                <td>
                  <select aria-label={`${label} de qi`} value={site.deQi === null ? "" : site.deQi ? "yes" : "no"} onChange={(e) => set({ deQi: e.target.value === "" ? null : e.target.value === "yes" })}>
                    <option value="">—</option>
                    <option value="yes">Yes</option>
                    <option value="no">No</option>
                  </select>
                </td>
                <td>
                  <input aria-label={`${label} retention minutes`} className="minutes" type="number" min={0} max={120} value={site.retentionMinutes ?? ""} onChange={(e) => set({ retentionMinutes: e.target.value === "" ? null : Number(e.target.value) })} />
                </td>
                <td>
                  <label className="inline small" title="Skin at this site is infected, ulcerated or broken: do not needle there">
                    <input type="checkbox" aria-label={`${label} skin infected`} checked={site.infectedSite} onChange={(e) => set({ infectedSite: e.target.checked })} /> inf.
                  </label>
                </td>
                <td>
                  <button type="button" className="link-button" aria-label={`Remove ${label}`} onClick={() => onRemove(i)}>
                    ✕
                  </button>
                </td>
              </ListRow>
            );
          })}
      </ListTable>
    </div>
  );
}
