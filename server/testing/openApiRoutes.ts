/**
 * The routes of the running app as its OpenAPI document describes them, and
 * schema-valid minimal values for their parameters and bodies. Route security
 * tests walk this list, so a route added later is tested without anyone
 * remembering to add it (issue 15).
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";

/** The subset of JSON Schema that fastify-type-provider-zod writes. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

export interface RouteOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI form: /api/v1/patients/{patientId}. */
  path: string;
  /** "GET /api/v1/patients/{patientId}": the key of the checked-in tables. */
  key: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema, when the route takes one. */
  body: JsonSchema | null;
}

export function routeOperations(app: FastifyInstance): RouteOperation[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> };
  const operations: RouteOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const upper = method.toUpperCase() as RouteOperation["method"];
      const parameters = operation.parameters ?? [];
      operations.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        pathParams: parameters.filter((p) => p.in === "path"),
        queryParams: parameters.filter((p) => p.in === "query"),
        body: operation.requestBody?.content?.["application/json"]?.schema ?? null,
      });
    }
  }
  return operations;
}

/** Ids to put where a schema asks for one, by property name (patientId, episodeId…); unknown names get a random UUID. */
export type IdsByName = Readonly<Record<string, string>>;

const KNOWN_PATTERNS: [RegExp, string][] = [
  [/^\^\\d\{1,18\}\$$/, "1"],
  [/^\^\(0\[1-9\]\|1\[0-2\]\)-/, "01-15"],
  [/^\^\\d\{10\}\$$/, "1234567893"],
  [/^\^\[A-Za-z0-9_-\]\{43\}\\\.ics\$$/, `${"A".repeat(43)}.ics`],
  [/^\^\[A-Za-z0-9_-\]\{43\}\$$/, "A".repeat(43)],
  [/^\^\[A-Za-z0-9\]\[A-Za-z0-9\.\/-\]/, "tag1"],
];

function minimalString(schema: JsonSchema, name: string, ids: IdsByName): string {
  if (schema.format === "uuid") return ids[name] ?? randomUUID();
  if (schema.format === "email") return "someone@clinic.test";
  if (schema.format === "date-time") return "2027-03-02T15:00:00.000Z";
  for (const [pattern, value] of KNOWN_PATTERNS) if (schema.pattern && pattern.test(schema.pattern)) return value;
  // A past date: most dates (onset, visit, recorded) may not be in the future.
  if (/(On|Date|^from|^to|^on)$/.test(name)) return "2026-03-02";
  if (/^(start|end)$/.test(name)) return "13:00";
  const length = Math.max(schema.minLength ?? 1, 1);
  return "x".repeat(Math.min(length, schema.maxLength ?? length));
}

/** A value the schema accepts, as small as possible: required properties only, first enum value, lowest number. */
export function minimalValue(schema: JsonSchema, ids: IdsByName = {}, name = ""): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf) return minimalValue(schema.oneOf[0]!, ids, name);
  if (schema.anyOf) return minimalValue(schema.anyOf.find((s) => s.type !== "null") ?? schema.anyOf[0]!, ids, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => minimalValue(s, ids, name)));
  const type = (Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type) ?? (schema.properties || schema.additionalProperties ? "object" : schema.items ? "array" : undefined);
  switch (type) {
    case "object": {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = minimalValue(schema.properties?.[key] ?? {}, ids, key);
      return value;
    }
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => minimalValue(schema.items ?? {}, ids, name));
    case "integer":
    case "number": {
      const low = schema.minimum ?? (typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : 0);
      return Math.max(low, Math.min(1, schema.maximum ?? 1));
    }
    case "boolean":
      return false;
    case "string":
      return minimalString(schema, name, ids);
    default:
      return schema.nullable ? null : "x";
  }
}

/** The URL of an operation: path parameters from `pathValue`, required query parameters at their minimal value. */
export function urlOf(operation: RouteOperation, pathValue: (param: Parameter) => string, ids: IdsByName = {}): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_all, name: string) =>
    encodeURIComponent(pathValue(operation.pathParams.find((p) => p.name === name) ?? { name, in: "path", schema: {} })),
  );
  const query = operation.queryParams
    .filter((p) => p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(minimalValue(p.schema, ids, p.name)))}`);
  return query.length ? `${path}?${query.join("&")}` : path;
}
