/**
 * A draft visit kept in the page and saved as it is edited: each change is
 * sent a moment after typing stops, one save at a time, so nothing typed is
 * lost and the version the server knows is always the one signing sends.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { VisitChart } from "../../../domain/treatment/visit.ts";
import { api, ApiError } from "../api.ts";
import type { Visit } from "./types.ts";

const SAVE_AFTER_MS = 700;

export type SaveState = "saved" | "pending" | "saving" | "failed";

export function useDraft(initial: Visit) {
  const [visit, setVisit] = useState(initial);
  const [chart, setChartState] = useState<VisitChart>(initial.chart);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [error, setError] = useState<ApiError | null>(null);
  const version = useRef(initial.version);
  const latest = useRef(initial.chart);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const dirty = useRef(false);

  const save = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return inFlight.current;
    dirty.current = false;
    const body = latest.current;
    inFlight.current = inFlight.current.then(async () => {
      setSaveState("saving");
      try {
        const saved = await api<Visit>("PUT", `/api/v1/visits/${initial.id}`, { version: version.current, chart: body });
        version.current = saved.version;
        setVisit(saved);
        setError(null);
        setSaveState(dirty.current ? "pending" : "saved");
      } catch (caught) {
        dirty.current = true;
        setError(caught instanceof ApiError ? caught : new ApiError(0, "UNKNOWN", String(caught)));
        setSaveState("failed");
      }
    });
    return inFlight.current;
  }, [initial.id]);

  const setChart = useCallback(
    (update: (chart: VisitChart) => VisitChart) => {
      setChartState((current) => {
        const next = update(current);
        latest.current = next;
        return next;
      });
      dirty.current = true;
      setSaveState("pending");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
    },
    [save],
  );

  // Leaving the page saves what is pending.
  useEffect(() => () => void save(), [save]);

  /** Saves what is pending, then signs the chart as it stands. */
  const sign = useCallback(async (): Promise<Visit> => {
    await save();
    const signed = await api<Visit>("POST", `/api/v1/visits/${initial.id}/sign`, { version: version.current, chart: latest.current });
    version.current = signed.version;
    setVisit(signed);
    return signed;
  }, [initial.id, save]);

  return { visit, chart, setChart, saveState, error, sign };
}
