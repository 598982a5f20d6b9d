/** The patient guide and the evidence library, loaded on demand (their own bundle, like the atlas). */
import { Route, Routes } from "react-router";
import "./guide.css";
import { GuideIndex } from "./GuideIndex.tsx";
import { TopicPage } from "./TopicPage.tsx";

export const GUIDE_BASE = "/guide";

export default function GuideRoutes() {
  return (
    <Routes>
      <Route index element={<GuideIndex />} />
      <Route path=":slug" element={<TopicPage handout={false} />} />
      <Route path=":slug/handout" element={<TopicPage handout />} />
    </Routes>
  );
}
