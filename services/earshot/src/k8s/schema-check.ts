// Each manifest against the Kubernetes OpenAPI schema of its kind (kubernetes-models, generated from
// Kubernetes' own OpenAPI; the ServiceMonitor from the Prometheus Operator CRD via
// @kubernetes-models/prometheus-operator). A kind we have no schema for is a problem, not a pass.
// The schemas check types, required fields and enums; like the API server's non-strict mode they
// do not reject unknown fields.
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import type { Manifest } from './kustomize-lite.js';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

const MODELS: Record<string, ModelClass> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
};

/** One problem per manifest that fails its schema, naming it; [] when all pass. */
export function schemaProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const m of manifests) {
    const name = `${m.kind}/${m.metadata.name}`;
    const Model = MODELS[`${m.apiVersion}/${m.kind}`];
    if (!Model) {
      problems.push(`${name}: no schema for ${m.apiVersion} ${m.kind}`);
      continue;
    }
    try {
      new Model(structuredClone(m) as never).validate();
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`);
    }
  }
  return problems;
}
