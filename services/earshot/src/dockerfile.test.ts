// infra/Dockerfile cannot be built here (no Docker engine): parse it and check what the image
// promises — the runtime stage is Node 24, gets only the build's output and node_modules pruned to
// the production dependencies (no tsx, vitest, playwright or compiler), runs as a non-root user and
// has a HEALTHCHECK, the same command docker-compose.yml uses (whose test runs it against a real
// health server). That dist/ imports only production dependencies is checked by the build itself
// (scripts/build.ts), and scripts/build.test.ts runs the build beside a production-only node_modules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DOCKERFILE = fileURLToPath(new URL('../../../infra/Dockerfile', import.meta.url));
const DOCKERIGNORE = fileURLToPath(new URL('../../../infra/Dockerfile.dockerignore', import.meta.url));
const COMPOSE = fileURLToPath(new URL('../../../infra/docker-compose.yml', import.meta.url));

interface Instruction {
  op: string;
  args: string;
}

interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Instructions grouped by stage; comments dropped, `\` continuations joined. */
function parseDockerfile(text: string): Stage[] {
  const lines = text.split('\n').filter((line) => !/^\s*#/.test(line));
  const joined = lines.join('\n').replace(/\\\n/g, ' ');
  const stages: Stage[] = [];
  for (const line of joined.split('\n')) {
    const m = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, op, args] = m as unknown as [string, string, string];
    if (op === 'FROM') {
      const [from, as, name] = args.trim().split(/\s+/);
      stages.push({ from: from!, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else stages.at(-1)!.instructions.push({ op, args: args.replace(/\s+/g, ' ').trim() });
  }
  return stages;
}

const stages = parseDockerfile(readFileSync(DOCKERFILE, 'utf8'));
const runtime = stages.at(-1)!;
const build = stages.find((s) => s.name === 'build')!;
const of = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op).map((i) => i.args);

describe('infra/Dockerfile', () => {
  it('is multi-stage: the runtime stage is Node 24 slim and is not the stage that builds', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build).toBeDefined();
    expect(runtime.from).toMatch(/^node:24(\.\d+)*-[a-z]+-slim$|^node:24(\.\d+)*-slim$/);
    expect(runtime).not.toBe(build);
  });

  it('builds dist/ and prunes node_modules to the production dependencies, in that order, after copying the sources', () => {
    const runs = of(build, 'RUN');
    const buildRun = runs.findIndex((r) => r.includes('npm run build'));
    expect(buildRun, 'a RUN with npm run build').toBeGreaterThanOrEqual(0);
    const ops = build.instructions.map((i) => `${i.op} ${i.args}`);
    expect(ops.indexOf('COPY . .')).toBeLessThan(ops.findIndex((o) => o.includes('npm run build')));
    const prune = runs.findIndex((r) => /npm prune --omit=dev/.test(r));
    expect(prune, 'npm prune --omit=dev').toBeGreaterThanOrEqual(buildRun);
    // Nothing installs again after the prune.
    expect(runs.slice(prune).join(' ').split('npm prune')[1]).not.toMatch(/npm (ci|install|i)\b/);
  });

  it('applies our patches to dependencies (patches/) when the install skips their postinstall', () => {
    const runs = of(build, 'RUN');
    const install = runs.findIndex((r) => /npm ci\b/.test(r));
    expect(install, 'a RUN with npm ci').toBeGreaterThanOrEqual(0);
    if (!runs[install]!.includes('--ignore-scripts')) return;
    expect(of(build, 'COPY')).toContain('patches ./patches');
    expect(runs.slice(install).join(' '), 'patch-package after npm ci --ignore-scripts').toMatch(/npm ci\b.*patch-package/);
  });

  it('the runtime stage gets only the build output, bin/, package.json and the pruned node_modules; installs and compiles nothing', () => {
    const copies = of(runtime, 'COPY');
    for (const copy of copies) expect(copy, copy).toMatch(/^--from=build /);
    const copied = copies.map((c) => c.split(' ')[1]).sort();
    expect(copied).toEqual(['/src/bin', '/src/dist', '/src/node_modules', '/src/package.json']);
    for (const run of of(runtime, 'RUN')) {
      expect(run).not.toMatch(/\bnpm\b|\bnpx\b|apt-get|g\+\+|\btsx\b/);
    }
    expect(of(runtime, 'ENV')).toContain('NODE_ENV=production');
  });

  it('runs the built CLI as a non-root user', () => {
    const user = of(runtime, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(JSON.parse(of(runtime, 'ENTRYPOINT')[0]!)).toEqual(['node', 'bin/earshot.js']);
  });

  it("has a HEALTHCHECK: docker-compose.yml's command, which its test runs against a real health server", () => {
    const healthcheck = of(runtime, 'HEALTHCHECK');
    expect(healthcheck).toHaveLength(1);
    const exec = /\bCMD (\[.*\])$/.exec(healthcheck[0]!);
    expect(exec, 'HEALTHCHECK CMD in exec form').not.toBeNull();
    const compose = parse(readFileSync(COMPOSE, 'utf8'), { merge: true }) as { services: Record<string, { healthcheck?: { test: string[] } }> };
    expect(['CMD', ...(JSON.parse(exec![1]!) as string[])]).toEqual(compose.services.api!.healthcheck!.test);
  });

  it("keeps the host's dist/ and node_modules out of the build context (the image builds its own)", () => {
    const ignored = readFileSync(DOCKERIGNORE, 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toContain('dist');
    expect(ignored).toContain('**/node_modules');
  });
});
