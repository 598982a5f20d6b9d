/** The atlas routes, loaded on demand: the point data is the largest part of the app. */
import { Route, Routes } from "react-router";
import { AtlasPage } from "./AtlasPage.tsx";
import { ChannelPage } from "./ChannelPage.tsx";
import { PointPage } from "./PointPage.tsx";
import { TrialPage } from "./TrialPage.tsx";

const BASE = "/atlas";

export default function AtlasRoutes() {
  return (
    <Routes>
      <Route index element={<AtlasPage base={BASE} />} />
      <Route path="points/:code" element={<PointPage base={BASE} />} />
      <Route path="channels/:code" element={<ChannelPage base={BASE} />} />
      <Route path="trials/:id" element={<TrialPage base={BASE} />} />
    </Routes>
  );
}
