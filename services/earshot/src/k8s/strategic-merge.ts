// The part of Kubernetes' strategic merge patch that our overlays rely on: maps merge key by key,
// lists of objects with a `name` (containers, env, ports, volumes, volumeMounts) merge item by
// name, any other list or scalar is replaced. No $patch directives, no other merge keys.
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const named = (list: Json[]): list is { name: string; [key: string]: Json }[] => list.every((x) => isObject(x) && typeof x.name === 'string');

export function strategicMerge(base: Json, patch: Json): Json {
  if (isObject(base) && isObject(patch)) {
    const out: { [key: string]: Json } = { ...base };
    for (const [k, v] of Object.entries(patch)) out[k] = k in base ? strategicMerge(base[k]!, v) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch) && patch.length && named(base) && named(patch)) {
    const out: Json[] = base.map((item) => {
      const p = patch.find((x) => x.name === item.name);
      return p ? strategicMerge(item, p) : item;
    });
    for (const p of patch) if (!base.some((item) => item.name === p.name)) out.push(p);
    return out;
  }
  return patch;
}
