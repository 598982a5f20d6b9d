import { useCallback, useEffect, useState } from "react";
import { ApiError } from "./api.ts";

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `key` changes; keeps the last data while reloading so pages do not flicker. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for what `load` reads
  const run = useCallback(load, [key]);
  useEffect(() => {
    let current = true;
    setLoading(true);
    run()
      .then((value) => current && (setData(value), setError(null)))
      .catch((caught: unknown) => current && setError(caught instanceof ApiError ? caught : new ApiError(0, "UNKNOWN", String(caught))))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [run, round]);
  return { data, error, loading, reload: () => setRound((n) => n + 1) };
}
