/**
 * The evidence library: TARA's pain trials (low back pain first) and the trials
 * and reviews the guide cites, filterable by condition, modality and point.
 * Filters live in the address (?condition=…&modality=…&point=BL40) so a
 * filtered list can be linked, e.g. from an atlas point page.
 */
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { CITATIONS, citationLink, type Citation, type CitationKey } from "../../../domain/evidence/citations.ts";
import { CONDITION_GROUPS, filterTrials, TRIAL_MODALITIES, TRIALS, type ConditionGroup, type TrialModality } from "../../../domain/evidence/trials.ts";
import { TrialFacts } from "../evidence/TrialFacts.tsx";

/**
 * The trials a first screen needs render at once; the rest right after the
 * first paint. All 86 with their facts are about 6,500 elements, most of a
 * phone's first-load work on this page (bench/guideFirstLoad.bench.ts).
 */
const FIRST_RENDER = 8;

const CITED_DESIGNS: Citation["design"][] = ["randomised trial", "individual patient data meta-analysis", "systematic review", "observational study", "survey"];

export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const condition = (CONDITION_GROUPS as readonly string[]).includes(params.get("condition") ?? "") ? (params.get("condition") as ConditionGroup) : undefined;
  const modality = TRIAL_MODALITIES.some((m) => m.id === params.get("modality")) ? (params.get("modality") as TrialModality) : undefined;
  const point = params.get("point") ?? "";
  const shown = filterTrials({ condition, modality, point });
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setPainted(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const listed = painted ? shown : shown.slice(0, FIRST_RENDER);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const cited = (Object.keys(CITATIONS) as CitationKey[]).filter((key) => CITED_DESIGNS.includes((CITATIONS[key] as Citation).design));

  return (
    <article className="guide library">
      <h1>Evidence library</h1>
      <p className="lead">
        The {TRIALS.length} pain trials in the TARA table, with the points each used, and the studies this guide cites. Facts come from
        each record; the short labels are ours.
      </p>
      <section aria-labelledby="cited">
        <h2 id="cited">Studies the guide cites</h2>
        <ul className="cited-list">
          {cited.map((key) => {
            const c: Citation = CITATIONS[key];
            const link = citationLink(key);
            return (
              <li key={key}>
                {link ? <a href={link}>{c.title}</a> : c.title} <span className="muted small">({c.authors.split(",")[0]} {c.year}; {c.design}{c.size ? `, ${c.size}` : ""})</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="trials">
        <h2 id="trials">Pain trials ({shown.length} of {TRIALS.length})</h2>
        <form className="library-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label>
            Condition
            <select value={condition ?? ""} onChange={(e) => set("condition", e.target.value)}>
              <option value="">All conditions</option>
              {CONDITION_GROUPS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Kind
            <select value={modality ?? ""} onChange={(e) => set("modality", e.target.value)}>
              <option value="">All kinds</option>
              {TRIAL_MODALITIES.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Point
            <input value={point} placeholder="e.g. BL40" onChange={(e) => set("point", e.target.value)} />
          </label>
        </form>
        <ol className="trial-list">
          {listed.map((trial) => (
            <li key={trial.id} className="trial">
              <h3>
                {trial.title} <span className="muted">({trial.year})</span>
              </h3>
              <TrialFacts trial={trial} mapLink />
            </li>
          ))}
        </ol>
        {shown.length === 0 && <p className="notice">No trial in the table matches these filters.</p>}
      </section>
      <p className="small muted">
        Trial data: TARA pain-related articles (MIT licence, copyright (c) 2024 smtifahim). “STRICTA items stated” are the parts of the
        STRICTA 2010 reporting standard that the record gives.
      </p>
    </article>
  );
}
