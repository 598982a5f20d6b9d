/** Citation markers beside a claim, and the numbered source list at the foot of a page. */
import { CITATIONS, citationLink, shortCite, type Citation, type CitationKey } from "../../../domain/evidence/citations.ts";

export function Cite({ keys, order }: { keys: readonly CitationKey[]; order: CitationKey[] }) {
  if (keys.length === 0) return null;
  return (
    <span className="cite">
      {" "}
      [
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && ", "}
          <a href={`#ref-${key}`} aria-label={`Source ${order.indexOf(key) + 1}: ${shortCite(key)}`}>
            {shortCite(key)}
          </a>
        </span>
      ))}
      ]
    </span>
  );
}

export function References({ keys }: { keys: CitationKey[] }) {
  return (
    <section className="references" aria-labelledby="sources">
      <h2 id="sources">Sources</h2>
      <ol>
        {keys.map((key) => {
          const c: Citation = CITATIONS[key];
          const link = citationLink(key);
          return (
            <li key={key} id={`ref-${key}`}>
              {c.authors} ({c.year}). {c.title}. <i>{c.journal}</i>. <span className="muted">{c.design}{c.size ? `, ${c.size}` : ""}.</span>{" "}
              {link && <a href={link}>{c.doi ? `doi:${c.doi}` : "Find it"}</a>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
