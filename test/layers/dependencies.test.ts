// Every workspace package declares what it imports, with the root's version ranges, and the
// declared graph between packages has no cycle: @earshot/core at the bottom, services at the top.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, importSites, packageName, workspacePackages, type WorkspacePackage } from './workspace.js';

/** Pinned once at the root (STYLE.md): tests use them without each package declaring them. */
const TOOLCHAIN = new Set(['vitest', 'typescript', 'tsx']);
const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const packages = workspacePackages();
const workspaceNames = new Set(packages.map((p) => p.manifest.name));

function undeclared(pkg: WorkspacePackage): string[] {
  const deps = pkg.manifest.dependencies ?? {};
  const dev = pkg.manifest.devDependencies ?? {};
  return importSites(pkg)
    .filter(({ specifier, testOnly }) => {
      const name = packageName(specifier);
      if (name === pkg.manifest.name || name in deps) return false;
      return !(testOnly && (name in dev || TOOLCHAIN.has(name)));
    })
    .map(({ file, specifier, testOnly }) => `${file} imports ${specifier}${testOnly ? '' : ' (not only in tests: needs "dependencies")'}`);
}

function workspaceDeps(name: string): string[] {
  const pkg = packages.find((p) => p.manifest.name === name)!;
  return Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.devDependencies }).filter((d) => workspaceNames.has(d));
}

/** The first cycle found among declared workspace dependencies, as a path, or undefined. */
export function findCycle(names: string[], depsOf: (name: string) => string[]): string[] | undefined {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name];
    if (done.has(name)) return undefined;
    for (const dep of depsOf(name)) {
      const cycle = visit(dep, [...path, name]);
      if (cycle) return cycle;
    }
    done.add(name);
    return undefined;
  };
  for (const name of names) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('workspace dependencies', () => {
  it.each(packages.map((p) => [p.manifest.name, p] as const))('%s declares every package it imports', (_name, pkg) => {
    expect(undeclared(pkg)).toEqual([]);
  });

  it('declares sibling packages at their version and npm packages with the root range', () => {
    const wrong = packages.flatMap((pkg) =>
      Object.entries({ ...pkg.manifest.dependencies, ...pkg.manifest.devDependencies }).flatMap(([name, range]) => {
        const expected = workspaceNames.has(name) ? '0.1.0' : (root.dependencies[name] ?? root.devDependencies[name]);
        return expected !== undefined && range !== expected ? [`${pkg.manifest.name}: ${name}@${range}, expected ${expected}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('has no cycle between workspace packages, core at the bottom and no package depending on a service', () => {
    expect(findCycle([...workspaceNames], workspaceDeps)).toBeUndefined();
    expect(workspaceDeps('@earshot/core')).toEqual([]);
    const services = new Set(packages.filter((p) => p.dir.startsWith('services/')).map((p) => p.manifest.name));
    const upward = packages
      .filter((p) => p.dir.startsWith('packages/'))
      .flatMap((p) =>
        workspaceDeps(p.manifest.name)
          .filter((d) => services.has(d))
          .map((d) => `${p.manifest.name} -> ${d}`),
      );
    expect(upward).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: [] };
    expect(findCycle(Object.keys(graph), (n) => graph[n]!)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(['d'], (n) => graph[n]!)).toBeUndefined();
  });
});
