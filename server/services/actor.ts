import type { ClinicId, UserId } from "../../domain/shared/brand.ts";
import { can, type Permission, type Role } from "../../domain/access/roles.ts";
import { fail, type Failure } from "../errors.ts";

/** Who is acting, for which clinic, from where: every service call on patient data takes one. */
export interface Actor {
  userId: UserId;
  clinicId: ClinicId;
  role: Role;
  ip: string | null;
}

/** A FORBIDDEN failure when the actor's role lacks the permission, else null. */
export function denied(actor: Actor, permission: Permission): Failure | null {
  return can(actor.role, permission) ? null : fail("FORBIDDEN", `The ${actor.role} role cannot do this.`);
}
