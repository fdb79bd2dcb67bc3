// Every shape an answer of the API may take, from the server's own OpenAPI description: for
// tests that must render each one (a field left out, a null, an empty list).
export interface JsonSchema {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
}

export interface OpenApi {
  components: { schemas: Record<string, JsonSchema> };
}

/// A variant of an answer, and what was changed to make it ("quality.score = null").
export interface Variant {
  change: string;
  value: unknown;
}

type Json = unknown;

function resolve(api: OpenApi, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const found = api.components.schemas[name];
  if (!found) throw new Error(`openapi.json: ${schema.$ref} names no schema`);
  return resolve(api, found);
}

function types(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/// `value` with the part at `path` replaced by `make(part)`, or removed when it returns undefined.
function edited(value: Json, path: (string | number)[], make: (part: Json) => Json | undefined): Json {
  if (path.length === 0) return make(value);
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  const [head, ...rest] = path;
  const next = edited(copy[head], rest, make);
  if (next === undefined && rest.length === 0) delete copy[head];
  else copy[head] = next;
  return copy;
}

/// Each variant of `full` (an answer with every field present) that `schema` allows and that
/// differs from it in one place: an optional field left out, a nullable one null, a list empty.
export function variants(api: OpenApi, schema: JsonSchema, full: Json): Variant[] {
  const out: Variant[] = [];
  const walk = (s: JsonSchema, value: Json, path: (string | number)[]) => {
    const here = resolve(api, s);
    const name = path.join(".") || "(the answer)";
    if (types(here).includes("null") && value !== null) {
      out.push({ change: `${name} = null`, value: edited(full, path, () => null) });
    }
    if (Array.isArray(value)) {
      if (value.length > 0) out.push({ change: `${name} = []`, value: edited(full, path, () => []) });
      if (here.items && value.length > 0) walk(here.items, value[0], [...path, 0]);
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const [key, property] of Object.entries(here.properties ?? {})) {
      const part = (value as Record<string, Json>)[key];
      if (part === undefined) continue;
      if (!(here.required ?? []).includes(key)) {
        out.push({ change: `${[...path, key].join(".")} left out`, value: edited(full, [...path, key], () => undefined) });
      }
      walk(property, part, [...path, key]);
    }
  };
  walk(schema, full, []);
  return out;
}

/// The properties `schema` describes that `sample` lacks ("readability.formula"): a sample
/// meant to hold every field must return none.
export function absentFields(api: OpenApi, schema: JsonSchema, sample: Json, path = ""): string[] {
  const here = resolve(api, schema);
  if (Array.isArray(sample)) {
    return here.items && sample.length > 0 ? absentFields(api, here.items, sample[0], `${path}[0]`) : [];
  }
  if (sample === null || typeof sample !== "object") return [];
  return Object.entries(here.properties ?? {}).flatMap(([key, property]) => {
    const part = (sample as Record<string, Json>)[key];
    const name = path ? `${path}.${key}` : key;
    return part === undefined ? [name] : absentFields(api, property, part, name);
  });
}
