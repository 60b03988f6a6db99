// The workspace as data, for the tests that keep its layers honest: each package's manifest and
// the bare import specifiers of each of its source files, split into what ships (production code)
// and what only tests, test helpers, contract suites and scripts use.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { isTestSupport } from '../../lint/layers.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports?: Record<string, string>;
}

export interface WorkspacePackage {
  /** `packages/bus`, `services/api`. */
  dir: string;
  manifest: Manifest;
}

export interface ImportSite {
  file: string;
  specifier: string;
  /** Tests, `testing/` helpers, contract suites and scripts: they may use the root's toolchain. */
  testOnly: boolean;
}

const SOURCE = /\.(ts|mts|mjs|js)$/;

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;
}

export function workspacePackages(): WorkspacePackage[] {
  return ['packages', 'services'].flatMap((group) =>
    readdirSync(join(ROOT, group))
      .filter((name) => statSync(join(ROOT, group, name, 'package.json'), { throwIfNoEntry: false }))
      .map((name) => ({ dir: `${group}/${name}`, manifest: readManifest(`${group}/${name}`) })),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.d.mts') ? [path] : [];
  });
}

/** The same test-support files the layer rule lets wire adapters. */
export const isTestOnly = isTestSupport;

/**
 * Every bare (non-relative, non-`node:`) import in a package's src/, scripts/ and dashboard/. A file
 * is test-only when its path says so (tests, `testing/`, contract suites, scripts, eval) or when only
 * test-only files import it (a helper beside the test that uses it) and it is no package entry.
 */
export function importSites(pkg: WorkspacePackage): ImportSite[] {
  const roots = ['src', 'scripts', 'dashboard'].map((d) => join(ROOT, pkg.dir, d)).filter((d) => statSync(d, { throwIfNoEntry: false }));
  const files = roots.flatMap(sourceFiles).map((path) => {
    // The compiler's own scan: static and dynamic imports, re-exports and require() calls.
    const specifiers = ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
    return { path, file: relative(ROOT, path), specifiers };
  });
  const importers = new Map<string, string[]>();
  for (const f of files) {
    for (const s of f.specifiers.filter((s) => s.startsWith('.'))) {
      const target = join(dirname(f.path), s).replace(/\.js$/, '.ts');
      importers.set(target, [...(importers.get(target) ?? []), f.file]);
    }
  }
  const entries = new Set(Object.values(pkg.manifest.exports ?? {}).map((e) => join(ROOT, pkg.dir, e)));
  const testOnly = (f: { path: string; file: string }) => {
    if (isTestOnly(f.file)) return true;
    const by = importers.get(f.path) ?? [];
    if (entries.has(f.path)) return false;
    return by.length > 0 && by.every(isTestOnly);
  };
  return files.flatMap((f) =>
    f.specifiers
      .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !s.startsWith('/'))
      .map((specifier) => ({ file: f.file, specifier, testOnly: testOnly(f) })),
  );
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
