// What a schema cannot see and a cluster would only show as a pod that never gets ready: references
// between manifests (probe ports, ConfigMaps, Secrets, selectors, the HPA's target, the
// ServiceMonitor's Service and port) and the security baseline every Earshot container keeps.
import type { Manifest } from './kustomize-lite.js';

interface Port {
  name?: string;
  containerPort: number;
}
interface Probe {
  httpGet?: { port: number | string; path?: string };
}
interface Container {
  name: string;
  ports?: Port[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  envFrom?: { secretRef?: { name: string }; configMapRef?: { name: string } }[];
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
}
interface PodSpec {
  containers: Container[];
  volumes?: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[];
  securityContext?: { runAsNonRoot?: boolean };
}
interface DeploymentShape extends Manifest {
  spec: { selector: { matchLabels?: Record<string, string> }; template: { metadata: { labels?: Record<string, string> }; spec: PodSpec } };
}
interface ServiceShape extends Manifest {
  spec: { selector?: Record<string, string>; ports: { name?: string; targetPort?: number | string }[] };
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

const portMatches = (ports: Port[], port: number | string | undefined) =>
  ports.some((p) => (typeof port === 'number' ? p.containerPort === port : p.name === port));

/** Every broken reference or missing safeguard, by manifest; [] when none. */
export function crossCheckProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  const byKind = (kind: string) => manifests.filter((m) => m.kind === kind);
  const has = (kind: string, name: string) => manifests.some((m) => m.kind === kind && m.metadata.name === name);
  const secretKeys = (name: string) => {
    const s = manifests.find((m) => m.kind === 'Secret' && m.metadata.name === name) as Manifest & { data?: object; stringData?: object };
    return new Set([...Object.keys(s?.data ?? {}), ...Object.keys(s?.stringData ?? {})]);
  };
  const deployments = byKind('Deployment') as DeploymentShape[];

  for (const d of deployments) {
    const at = `Deployment/${d.metadata.name}`;
    const pod = d.spec.template.spec;
    if (!matches(d.spec.selector.matchLabels, d.spec.template.metadata.labels)) problems.push(`${at}: spec.selector does not match the pod template's labels`);
    if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${at}: pod securityContext.runAsNonRoot is not true`);
    for (const v of pod.volumes ?? []) {
      if (v.configMap && !has('ConfigMap', v.configMap.name)) problems.push(`${at}: volume ${v.name} uses ConfigMap ${v.configMap.name}, which is not defined`);
      if (v.secret && !has('Secret', v.secret.secretName)) problems.push(`${at}: volume ${v.name} uses Secret ${v.secret.secretName}, which is not defined`);
    }
    for (const c of pod.containers) {
      const where = `${at} container ${c.name}`;
      for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        const probe = c[kind];
        if (!probe && kind !== 'startupProbe') problems.push(`${where}: no ${kind}`);
        if (probe?.httpGet && !portMatches(c.ports ?? [], probe.httpGet.port))
          problems.push(`${where}: ${kind} port ${probe.httpGet.port} is not a declared containerPort`);
      }
      for (const e of c.envFrom ?? []) {
        if (e.secretRef && !has('Secret', e.secretRef.name)) problems.push(`${where}: envFrom Secret ${e.secretRef.name} is not defined`);
        if (e.configMapRef && !has('ConfigMap', e.configMapRef.name)) problems.push(`${where}: envFrom ConfigMap ${e.configMapRef.name} is not defined`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref && !secretKeys(ref.name).has(ref.key)) problems.push(`${where}: env ${e.name} reads ${ref.name}/${ref.key}, which is not defined`);
        const cm = e.valueFrom?.configMapKeyRef;
        if (cm && !has('ConfigMap', cm.name)) problems.push(`${where}: env ${e.name} reads ConfigMap ${cm.name}, which is not defined`);
      }
      for (const side of ['requests', 'limits'] as const) {
        for (const r of ['cpu', 'memory']) if (!c.resources?.[side]?.[r]) problems.push(`${where}: no resources.${side}.${r}`);
      }
      if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
      if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem is not true`);
    }
  }

  const services = byKind('Service') as ServiceShape[];
  for (const s of services) {
    const pods = deployments.filter((d) => matches(s.spec.selector, d.spec.template.metadata.labels));
    if (!pods.length) problems.push(`Service/${s.metadata.name}: its selector matches no Deployment's pods`);
    for (const p of s.spec.ports) {
      for (const d of pods) {
        const ports = d.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
        if (!portMatches(ports, p.targetPort))
          problems.push(`Service/${s.metadata.name}: targetPort ${p.targetPort} is not a containerPort of Deployment/${d.metadata.name}`);
      }
    }
  }

  for (const h of byKind('HorizontalPodAutoscaler')) {
    const ref = (h.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef;
    if (ref.kind !== 'Deployment' || !has('Deployment', ref.name))
      problems.push(`HorizontalPodAutoscaler/${h.metadata.name}: targets ${ref.kind}/${ref.name}, which is not defined`);
  }

  for (const sm of byKind('ServiceMonitor')) {
    const spec = sm.spec as { selector: { matchLabels?: Record<string, string> }; endpoints: { port?: string }[] };
    const targets = services.filter((s) => matches(spec.selector.matchLabels, s.metadata.labels));
    if (!targets.length) problems.push(`ServiceMonitor/${sm.metadata.name}: its selector matches no Service`);
    for (const e of spec.endpoints) {
      if (!targets.every((s) => s.spec.ports.some((p) => p.name === e.port)))
        problems.push(`ServiceMonitor/${sm.metadata.name}: endpoint port ${e.port} is not a named port of the Services it selects`);
    }
  }
  return problems;
}
