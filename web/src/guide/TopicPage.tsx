/**
 * One guide topic: phone-first, printable, no sign-in. The handout view is the
 * same page for a practitioner to print and give out, headed with the clinic's
 * name when someone from a clinic is signed in.
 */
import { useContext } from "react";
import { Link, useParams } from "react-router";
import { EVIDENCE_KINDS, citationsOf, type Block } from "../../../domain/evidence/guide.ts";
import { findTopic, GUIDE_TOPICS } from "../../../domain/evidence/guide/index.ts";
import type { CitationKey } from "../../../domain/evidence/citations.ts";
import { SessionContext } from "../session.tsx";
import { Cite, References } from "./Citations.tsx";
import { Figure } from "./Figures.tsx";
import { Nerves } from "./Nerves.tsx";

export function TopicPage({ handout }: { handout: boolean }) {
  const { slug = "" } = useParams();
  const clinic = useContext(SessionContext)?.session.clinic.name ?? null;
  const topic = findTopic(slug);
  if (!topic) {
    return (
      <section className="notice">
        <p>There is no guide page “{slug}”.</p>
        <Link to="/guide">All guide pages</Link>
      </section>
    );
  }
  const order = citationsOf(topic);
  const index = GUIDE_TOPICS.indexOf(topic);
  const next = GUIDE_TOPICS[index + 1];
  return (
    <article className={handout ? "guide handout" : "guide"}>
      {handout ? (
        <p className="handout-from">{clinic ? `From ${clinic}` : "From your acupuncture clinic"} · Acuback patient guide</p>
      ) : (
        <p className="crumbs noprint">
          <Link to="/guide">← Guide</Link> · page {index + 1} of {GUIDE_TOPICS.length}
        </p>
      )}
      <h1>{topic.title}</h1>
      <p className="lead">
        {topic.lead.text}
        <Cite keys={topic.lead.cite} order={order} />
      </p>
      {topic.sections.map((section) => (
        <section key={section.id} aria-labelledby={`s-${section.id}`}>
          <h2 id={`s-${section.id}`}>{section.heading}</h2>
          {section.grade && (
            <p className="grade">
              <strong>Evidence: </strong>
              {section.grade.from.map((k) => EVIDENCE_KINDS.find((e) => e.id === k)!.label).join(", ")}. {section.grade.summary}
              <Cite keys={section.grade.cite} order={order} />
            </p>
          )}
          {section.blocks.map((block, i) => (
            <BlockView key={i} block={block} order={order} />
          ))}
        </section>
      ))}
      <References keys={order} />
      <div className="guide-actions noprint">
        <button type="button" onClick={() => window.print()}>
          Print this page
        </button>
        {clinic && !handout && <Link className="button" to={`/guide/${topic.slug}/handout`}>Give this to your patient</Link>}
        {next && !handout && <Link to={`/guide/${next.slug}`}>Next: {next.title} →</Link>}
      </div>
      {handout && <p className="handout-foot">Read it online with links to every source: /guide/{topic.slug}</p>}
    </article>
  );
}

function BlockView({ block, order }: { block: Block; order: CitationKey[] }) {
  switch (block.kind) {
    case "text":
      return (
        <p>
          {block.text}
          <Cite keys={block.cite} order={order} />
        </p>
      );
    case "advice":
      return <p className="advice">{block.text}</p>;
    case "about":
      return <p>{block.text}</p>;
    case "list":
      return (
        <ul>
          {block.items.map((item) => (
            <li key={item.text}>
              {item.text}
              <Cite keys={item.cite} order={order} />
            </li>
          ))}
        </ul>
      );
    case "questions":
      return (
        <ul className="questions">
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
    case "figure":
      return (
        <>
          <Figure id={block.figure} />
          <p className="small muted">
            Drawn from the numbers in
            <Cite keys={block.cite} order={order} />
          </p>
        </>
      );
    case "nerves":
      return (
        <>
          <Nerves points={block.points} />
          <p className="small muted">
            Nerve data from the atlas
            <Cite keys={block.cite} order={order} />
          </p>
        </>
      );
    case "compare":
      return (
        <div className="compare">
          {block.rows.map((row) => (
            <div key={row.who} className="compare-col">
              <h3>{row.who}</h3>
              <p>
                {row.says}
                <Cite keys={row.cite} order={order} />
              </p>
            </div>
          ))}
        </div>
      );
    case "link":
      return (
        <p className="noprint">
          <Link to={block.to}>{block.text} →</Link>
        </p>
      );
  }
}
