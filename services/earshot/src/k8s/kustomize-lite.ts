// No cluster and no kustomize binary run here, so the manifest test builds infra/k8s overlays itself:
// the subset of kustomize our kustomizations use (resources, namespace, images, strategic-merge
// patches matched by kind and name). Anything else in a kustomization is an error, so a new feature
// used in infra/k8s is noticed rather than silently skipped. Test tooling only; not used at run time.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { strategicMerge, type Json } from './strategic-merge.js';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);

export function readManifests(file: string): Manifest[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const out: Manifest[] = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS() as Manifest | null;
    if (value === null) continue;
    if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string' || typeof value.metadata?.name !== 'string') {
      throw new Error(`${file}: a document without apiVersion, kind and metadata.name`);
    }
    out.push(value);
  }
  return out;
}

const keyOf = (m: { kind: string; metadata: { name: string } }) => `${m.kind}/${m.metadata.name}`;

/** The manifests `kubectl apply -k <dir>` would send, for the features listed above. */
export function buildKustomization(dir: string): Manifest[] {
  const file = join(dir, 'kustomization.yaml');
  const k = readManifestsLoose(file);
  for (const key of Object.keys(k)) if (!SUPPORTED.has(key)) throw new Error(`${file}: "${key}" is not supported by the test's kustomize subset`);
  let out: Manifest[] = [];
  for (const r of (k.resources as string[] | undefined) ?? []) {
    const path = join(dir, r);
    out.push(...(statSync(path).isDirectory() ? buildKustomization(path) : readManifests(path)));
  }
  const seen = new Set<string>();
  for (const m of out) {
    if (seen.has(keyOf(m))) throw new Error(`${file}: ${keyOf(m)} is defined twice`);
    seen.add(keyOf(m));
  }
  for (const p of (k.patches as { path?: string }[] | undefined) ?? []) {
    if (!p.path || Object.keys(p).length !== 1) throw new Error(`${file}: only patches given as { path } are supported`);
    for (const patch of readManifests(join(dir, p.path))) {
      const i = out.findIndex((m) => keyOf(m) === keyOf(patch));
      if (i < 0) throw new Error(`${join(dir, p.path)}: patches ${keyOf(patch)}, which no resource defines`);
      out[i] = strategicMerge(out[i] as unknown as Json, patch as unknown as Json) as unknown as Manifest;
    }
  }
  const images = (k.images as { name: string; newName?: string; newTag?: string }[] | undefined) ?? [];
  if (images.length) out = out.map((m) => setImages(m, images));
  if (typeof k.namespace === 'string') {
    const ns = k.namespace;
    out = out.map((m) => (m.kind === 'Namespace' ? m : { ...m, metadata: { ...m.metadata, namespace: ns } }));
  }
  return out;
}

function readManifestsLoose(file: string): Record<string, unknown> {
  const doc = parseAllDocuments(readFileSync(file, 'utf8'))[0];
  if (!doc || doc.errors.length) throw new Error(`${file}: not one YAML document`);
  return (doc.toJS() ?? {}) as Record<string, unknown>;
}

function setImages(m: Manifest, images: { name: string; newName?: string; newTag?: string }[]): Manifest {
  if (m.kind !== 'Deployment') return m;
  const copy = structuredClone(m);
  const containers = (copy.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers;
  for (const c of containers) {
    // as kustomize: `name` is the image without its tag
    const [name = '', tag] = c.image.split(':');
    const rule = images.find((i) => i.name === name);
    if (rule) c.image = `${rule.newName ?? name}${(rule.newTag ?? tag) ? `:${rule.newTag ?? tag}` : ''}`;
  }
  return copy;
}
