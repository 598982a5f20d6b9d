/** The patient guide and the evidence library, loaded on demand (their own bundle, like the atlas). */
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import "./guide.css";
import { GuideIndex } from "./GuideIndex.tsx";
import { TopicPage } from "./TopicPage.tsx";

// The trial table (55 kB of data) loads only when the library is opened, so guide pages stay small.
const LibraryPage = lazy(() => import("./LibraryPage.tsx").then((m) => ({ default: m.LibraryPage })));

export default function GuideRoutes() {
  return (
    <Routes>
      <Route index element={<GuideIndex />} />
      <Route
        path="library"
        element={
          <Suspense fallback={<p className="loading">Loading the library…</p>}>
            <LibraryPage />
          </Suspense>
        }
      />
      <Route path=":slug" element={<TopicPage handout={false} />} />
      <Route path=":slug/handout" element={<TopicPage handout />} />
    </Routes>
  );
}
