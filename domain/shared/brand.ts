/**
 * A branded type: structurally a T, but not assignable from a bare T, so ids of
 * different aggregates (a PatientId and a UserId are both strings) cannot be mixed up.
 */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };

export type ClinicId = Brand<string, "ClinicId">;
export type UserId = Brand<string, "UserId">;
export type PatientId = Brand<string, "PatientId">;
