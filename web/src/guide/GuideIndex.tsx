import { useContext } from "react";
import { Link } from "react-router";
import { GUIDE_TOPICS } from "../../../domain/evidence/guide/index.ts";
import { SessionContext } from "../session.tsx";

export function GuideIndex() {
  // Someone from a clinic gets each topic's printable handout, headed with the clinic's name, one click away.
  const clinic = useContext(SessionContext)?.session.clinic.name ?? null;
  return (
    <article className="guide">
      <h1>Acupuncture for back pain: a plain guide</h1>
      <p className="lead">
        What acupuncture is, what a visit is like, what the research shows and where it is weak, and how to choose someone to see.
        Each fact links to its source.
      </p>
      <ol className="topic-list">
        {GUIDE_TOPICS.map((topic) => (
          <li key={topic.slug}>
            <Link to={`/guide/${topic.slug}`}>{topic.title}</Link>
            <span className="muted"> {topic.question}</span>
            {clinic && (
              <>
                {" "}
                <Link className="small noprint" to={`/guide/${topic.slug}/handout`} aria-label={`Handout for your patient: ${topic.title}`}>
                  Handout
                </Link>
              </>
            )}
          </li>
        ))}
      </ol>
      {clinic && <p className="small noprint">Each “Handout” is the page to print and give to a patient, headed “From {clinic}”.</p>}
      <p>
        Also: the <Link to="/guide/library">evidence library</Link> of trials, the <Link to="/atlas">acupoint atlas</Link>, and a directory of practitioners at <Link to="/find">/find</Link>.
      </p>
    </article>
  );
}
