import { createContext, useContext } from "react";
import type { Session } from "./api.ts";
import { can, type Permission } from "../../domain/access/roles.ts";

export interface SessionState {
  session: Session;
  signOut: () => Promise<void>;
  /** Asks the server for the session again (after two-factor set-up, which changes what it opens). */
  refreshSession: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside a signed-in page");
  return state;
}

/** Whether the signed-in role may do something: the same table the server enforces. */
export function useCan(permission: Permission): boolean {
  return can(useSession().session.user.role, permission);
}
