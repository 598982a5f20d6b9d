/**
 * The directory search: "Find a licensed acupuncturist near you" (public,
 * phone-first, no account), and the same search inside the clinic app, where
 * each result can carry an action (save as a referral contact). The search
 * lives in the address (?zip=&radius=…), so a result page can be shared or
 * reloaded; the browser's location is asked for only on a click.
 */
import { useState, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import { ENTITY_TYPES } from "../../../domain/directory/provider.ts";
import { PAGE_SIZE, RADIUS_MILES, searchZip } from "../../../domain/directory/search.ts";
import { NPI_DISCLAIMER } from "../../../domain/directory/verification.ts";
import { api } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { DistanceMap } from "./DistanceMap.tsx";
import { ProviderCard } from "./ProviderCard.tsx";
import type { DirectoryAnswer, DirectoryResult } from "./types.ts";
import "./directory.css";

const RADII = [5, 10, 25, 50, 100];

export function FindPage() {
  return (
    <div className="find">
      <h1>Find a licensed acupuncturist near you</h1>
      <DirectorySearch />
    </div>
  );
}

/** The form, the disclaimer, the map and the list; `action` adds a control to each result. */
export function DirectorySearch({ action, initialZip }: { action?: (result: DirectoryResult) => ReactNode; initialZip?: string }) {
  const [params, setParams] = useSearchParams();
  const [zip, setZip] = useState(params.get("zip") ?? initialZip ?? "");
  const [radius, setRadius] = useState(params.get("radius") ?? String(RADIUS_MILES.default));
  const [entity, setEntity] = useState(params.get("entity") ?? "");
  const [name, setName] = useState(params.get("name") ?? "");
  const [zipError, setZipError] = useState<string | null>(null);
  const [locating, setLocating] = useState<string | null>(null);
  const query = params.toString();
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);
  const searching = params.has("zip") || params.has("lat");

  const found = useLoad<DirectoryAnswer | null>(() => {
    if (!searching) return Promise.resolve(null);
    const q = new URLSearchParams({ radius_miles: params.get("radius") ?? String(RADIUS_MILES.default), limit: String(PAGE_SIZE.default), offset: String(page * PAGE_SIZE.default) });
    if (params.get("zip")) q.set("zip", params.get("zip")!);
    else {
      q.set("latitude", params.get("lat")!);
      q.set("longitude", params.get("lon")!);
    }
    if (params.get("entity")) q.set("entity", params.get("entity")!);
    if (params.get("name")) q.set("name", params.get("name")!);
    return api<DirectoryAnswer>("GET", `/api/v1/directory/search?${q}`);
  }, query);

  const search = (where: Record<string, string>) => {
    const next = new URLSearchParams({ ...where, radius });
    if (entity) next.set("entity", entity);
    if (name.trim()) next.set("name", name.trim());
    setParams(next);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const five = searchZip(zip);
    if (!five) return setZipError("Type the five digits of a ZIP code, e.g. 98101.");
    setZipError(null);
    search({ zip: five });
  };

  const useMyLocation = () => {
    if (!("geolocation" in navigator)) return setLocating("This browser cannot share its location; type a ZIP instead.");
    setLocating("Asking the browser for your location…");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(null);
        setZip("");
        search({ lat: position.coords.latitude.toFixed(4), lon: position.coords.longitude.toFixed(4) });
      },
      () => setLocating("The location was not shared; type a ZIP instead."),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  };

  const answer = found.data;
  const first = page * PAGE_SIZE.default + 1;
  return (
    <>
      <form className="find-form card" onSubmit={submit} noValidate>
        <label>
          ZIP code
          <input value={zip} onChange={(e) => setZip(e.target.value)} inputMode="numeric" autoComplete="postal-code" maxLength={10} placeholder="e.g. 98101" aria-invalid={zipError ? true : undefined} />
        </label>
        {zipError && <p className="field-error">{zipError}</p>}
        <button type="button" className="link-button locate" onClick={useMyLocation}>
          Use my location instead
        </button>
        {locating && <p className="muted small">{locating}</p>}
        <div className="find-options">
          <label>
            Within
            <select value={radius} onChange={(e) => setRadius(e.target.value)}>
              {RADII.map((r) => (
                <option key={r} value={r}>
                  {r} miles
                </option>
              ))}
            </select>
          </label>
          <label>
            Show
            <select value={entity} onChange={(e) => setEntity(e.target.value)}>
              <option value="">everyone</option>
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t === "individual" ? "practitioners" : "clinics (organisations)"}
                </option>
              ))}
            </select>
          </label>
          <label>
            Name (optional)
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
          </label>
        </div>
        <button type="submit" className="primary">
          Search
        </button>
      </form>

      <p className="disclaimer">{NPI_DISCLAIMER}</p>

      {found.error && <p className="form-error">{found.error.detail ?? found.error.message}</p>}
      {answer && (
        <section aria-live="polite">
          <h2>
            {answer.total === 0 ? "No acupuncturists" : `${answer.total} acupuncturist${answer.total === 1 ? "" : "s"}`} within {answer.radiusMiles} miles
            {answer.centre.zip ? ` of ${answer.centre.zip}` : " of you"}
          </h2>
          {answer.total === 0 && <p className="muted">Try a wider radius{answer.directory.providers === 0 ? " — or ask the site's owner to import the NPPES file; the directory is empty" : ""}.</p>}
          {answer.results.length > 0 && (
            <div className="find-results">
              <DistanceMap results={answer.results} radiusMiles={answer.radiusMiles} first={first} />
              <ol className="provider-list" start={first}>
                {answer.results.map((r, i) => (
                  <ProviderCard key={r.npi} result={r} number={first + i}>
                    {action?.(r)}
                  </ProviderCard>
                ))}
              </ol>
            </div>
          )}
          {answer.total > PAGE_SIZE.default && (
            <nav className="pager" aria-label="More results">
              <button type="button" disabled={page === 0} onClick={() => setParams(withPage(params, page - 1))}>
                Nearer
              </button>
              <button type="button" disabled={first + answer.results.length > answer.total} onClick={() => setParams(withPage(params, page + 1))}>
                Farther
              </button>
            </nav>
          )}
          {answer.directory.lastImport && (
            <p className="muted small">
              From CMS's NPPES file {answer.directory.lastImport.fileName}, imported {answer.directory.lastImport.finishedAt.slice(0, 10)}.
            </p>
          )}
        </section>
      )}
    </>
  );
}

function withPage(params: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page > 0) next.set("page", String(page));
  else next.delete("page");
  return next;
}
