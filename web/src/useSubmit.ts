import { useState } from "react";
import { ApiError } from "./api.ts";

/**
 * The one way forms send: `busy` while the request runs (to disable the
 * button), the server's problem in `error` when it fails, and what the person
 * typed left untouched so nothing is lost.
 */
export function useSubmit<Args extends unknown[]>(action: (...args: Args) => Promise<void>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(...args: Args) {
    setBusy(true);
    try {
      await action(...args);
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "UNKNOWN", String(caught)));
    } finally {
      setBusy(false);
    }
  }
  return { submit, error, busy };
}
