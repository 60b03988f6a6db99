// The build: `npm run build` (node scripts/build.ts) bundles the `earshot` command — the composition
// root services/earshot/src/main.ts and every workspace package it imports — into dist/ as ES
// modules with esbuild, so the CLI and the services run plain JavaScript (tsx is for development
// only). npm packages stay external: they are the production dependencies installed beside dist/,
// and the build fails if dist/ imports one that a production install (`npm ci --omit=dev`) would
// not have. Code splitting keeps each command's code in its own chunk, loaded when that command
// runs, so `earshot --help` loads neither Kafka, Elasticsearch, SQLite nor the NLP models.
//
// Files read at run time through `new URL('<relative path>', import.meta.url)` (NLP models,
// dashboard files, demo feeds, the SQLite read worker) would point elsewhere once the code moves
// into dist/: each is copied to dist/assets/<its repository path> (a script there is bundled, since
// it imports others) and the URL is rewritten to it. Any other use of import.meta.url fails the
// build, so a new one cannot break dist/ unnoticed. dist/build-info.json lists every input, so
// bin/earshot.js can tell a source checkout whose dist/ is older than its sources.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as esbuild from 'esbuild';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ENTRY = 'services/earshot/src/main.ts';
const WORKSPACE_SCOPE = '@earshot/';
const SCRIPT = /\.(ts|mts|js|mjs)$/;

export interface BuildOptions {
  /** Repository root (where package.json and the workspaces are). */
  root?: string;
  /** Where the bundle goes; replaced as a whole when the build succeeds. */
  outdir?: string;
}

export interface BuildResult {
  outdir: string;
  /** esbuild's metafiles: the main bundle first, then one per bundled worker script. */
  metafiles: esbuild.Metafile[];
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? REPO_ROOT);
  const outdir = resolve(options.outdir ?? join(root, 'dist'));
  // Built beside, then swapped in: a failed build leaves the previous dist/ as it was.
  const staging = `${outdir}.tmp-${process.pid}`;
  // Taken before reading any input: a file saved during the build counts as changed after it.
  const builtAt = Date.now();
  rmSync(staging, { recursive: true, force: true });
  const { build: bundle } = await import('esbuild');
  const assets = assetUrls({ root, outdir: staging, bundle });
  try {
    const result = await bundle({
      ...commonOptions(root, assets.plugin),
      entryPoints: { main: join(root, ENTRY) },
      outdir: staging,
      splitting: true,
      chunkNames: '[name]-[hash]',
    });
    const metafiles = [result.metafile, ...(await assets.done())];
    // Rewritten asset URLs are relative to the directory of the file that holds them.
    const deeper = Object.keys(result.metafile.outputs).filter((o) => dirname(resolve(root, o)) !== staging);
    if (deeper.length) throw new Error(`build: outputs must sit directly in dist/, got ${deeper.join(', ')}`);
    const imported = externalImports(metafiles);
    const nested = nestedInWorkspaces(root, imported);
    if (nested.length)
      throw new Error(
        `build: ${nested.join(', ')}: a workspace's own version of a package dist/ imports; bundled, its code would get the root's version instead: align the version ranges`,
      );
    const undeclared = undeclaredPackages(imported, productionDependencies(root));
    if (undeclared.length) {
      throw new Error(
        `build: dist/ imports ${undeclared.map((p) => `"${p}"`).join(', ')}, not a production dependency of the root or a workspace package; ` +
          'a production install (npm ci --omit=dev) would not have it: move it to "dependencies"',
      );
    }
    writeFileSync(join(staging, 'build-info.json'), `${JSON.stringify({ builtAt, inputs: inputsOf(root, metafiles, assets.copied) })}\n`);
    swapIn(staging, outdir);
    return { outdir, metafiles };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function commonOptions(root: string, assetPlugin: esbuild.Plugin) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    metafile: true,
    logLevel: 'warning',
    plugins: [npmPackagesExternal, assetPlugin],
  } satisfies esbuild.BuildOptions;
}

function swapIn(staging: string, outdir: string): void {
  const old = `${outdir}.old-${process.pid}`;
  if (existsSync(outdir)) renameSync(outdir, old);
  renameSync(staging, outdir);
  rmSync(old, { recursive: true, force: true });
}

const RESOLVING = Symbol('resolving');

/**
 * Bare specifiers stay imports (installed packages), except the workspace's own, which are bundled.
 * Workspace modules are declared free of import-time side effects (the style guide forbids them:
 * no env reads, singletons or registrations at import), so a module none of whose exports is used
 * is left out with the packages it imports: a command's options can import a constant from a
 * package without loading the rest of it.
 */
const npmPackagesExternal: esbuild.Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === RESOLVING || args.kind === 'entry-point') return undefined;
      const bare = /^[^./]/.test(args.path);
      if (bare && !args.path.startsWith(WORKSPACE_SCOPE)) return { path: args.path, external: true };
      if (args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: RESOLVING });
      if (resolved.errors.length) return { errors: resolved.errors };
      return { path: resolved.path, sideEffects: false };
    });
  },
};

/** `lodash/fp` → `lodash`, `@scope/pkg/x` → `@scope/pkg`; undefined for Node built-ins. */
export function packageName(specifier: string): string | undefined {
  if (isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every npm package the outputs import (statically or dynamically). */
export function externalImports(metafiles: esbuild.Metafile[]): string[] {
  const names = new Set<string>();
  for (const meta of metafiles) {
    for (const output of Object.values(meta.outputs)) {
      for (const imp of output.imports) {
        const name = imp.external ? packageName(imp.path) : undefined;
        if (name) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/** The workspace package directories (the root's `workspaces` are `dir/*` globs). */
function workspaceDirs(root: string): string[] {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  return (rootManifest.workspaces ?? []).flatMap((pattern) => {
    const dir = join(root, pattern.replace(/\/\*$/, ''));
    return existsSync(dir)
      ? readdirSync(dir)
          .map((name) => join(dir, name))
          .filter((d) => existsSync(join(d, 'package.json')))
      : [];
  });
}

/**
 * Imported packages a workspace has its own copy of (npm nests a version that conflicts with the
 * root's): bundled into dist/, that workspace's code would get the root's version instead.
 */
export function nestedInWorkspaces(root: string, imported: string[]): string[] {
  return workspaceDirs(root).flatMap((dir) =>
    imported.filter((name) => existsSync(join(dir, 'node_modules', name))).map((name) => `${relative(root, dir)}/node_modules/${name}`),
  );
}

/** What `npm ci --omit=dev` installs at the top: the root's and each workspace's `dependencies`. */
export function productionDependencies(root: string): Set<string> {
  const manifests = [join(root, 'package.json'), ...workspaceDirs(root).map((dir) => join(dir, 'package.json'))];
  const names = new Set<string>();
  for (const manifest of manifests) {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; dependencies?: Record<string, string> };
    if (pkg.name && manifest !== manifests[0]) names.add(pkg.name);
    for (const dep of Object.keys(pkg.dependencies ?? {})) names.add(dep);
  }
  return names;
}

export function undeclaredPackages(imported: string[], production: Set<string>): string[] {
  return imported.filter((name) => !production.has(name));
}

export interface AssetUrl {
  /** The literal as written in the source. */
  literal: string;
  /** Offsets of the literal (quotes included) in the source. */
  start: number;
  end: number;
}

export interface ScannedSource {
  urls: AssetUrl[];
  /** 1-based lines with an import.meta use the build cannot carry into dist/. */
  unsupported: number[];
  /**
   * 1-based lines with `import('@earshot/…')`: the bundler must then keep the whole package as one
   * unit, loaded by every command that uses any of it. Import a local module that re-exports the
   * functions instead (services/earshot/src/commands/nlp-run.ts).
   */
  packageImports: number[];
}

const URL_OF_FILE = /new URL\(\s*(['"])([^'"\n]+)\1\s*,\s*import\.meta\.url\s*,?\s*\)/g;
const CREATE_REQUIRE = /createRequire\(\s*import\.meta\.url\s*\)/g;
const IMPORT_META = /import\.meta\.(url|dirname|filename|resolve)\b/g;
const DYNAMIC_PACKAGE_IMPORT = new RegExp(`\\bimport\\(\\s*['"]${WORKSPACE_SCOPE}`, 'g');

/** Finds `new URL('<literal>', import.meta.url)`, other import.meta uses that dist/ would break, and dynamic imports of workspace packages. */
export function scanSource(source: string): ScannedSource {
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  const urls: AssetUrl[] = [];
  const allowed = new Set<number>();
  for (const m of source.matchAll(URL_OF_FILE)) {
    const start = m.index + m[0].indexOf(m[1]!);
    urls.push({ literal: m[2]!, start, end: start + m[2]!.length + 2 });
    allowed.add(m.index + m[0].indexOf('import.meta'));
  }
  // createRequire resolves packages from node_modules, which is found from dist/ as from the sources.
  for (const m of source.matchAll(CREATE_REQUIRE)) allowed.add(m.index + m[0].indexOf('import.meta'));
  const unsupported = [...source.matchAll(IMPORT_META)].filter((m) => !allowed.has(m.index)).map((m) => lineOf(m.index));
  const packageImports = [...source.matchAll(DYNAMIC_PACKAGE_IMPORT)].map((m) => lineOf(m.index));
  return { urls, unsupported, packageImports };
}

/**
 * The esbuild plugin that carries run-time files into dist/assets/ and points the URLs at them.
 * `done()` waits for the bundled worker scripts and returns their metafiles.
 */
function assetUrls(options: { root: string; outdir: string; bundle: typeof esbuild.build }) {
  const copied = new Set<string>();
  const scripts = new Map<string, Promise<esbuild.Metafile>>();
  const { root, outdir, bundle } = options;

  function carry(target: string, from: string): string {
    const repoPath = relative(root, target);
    if (repoPath === '' || repoPath.startsWith('..')) {
      throw new Error(
        `${relative(root, from)}: new URL(…, import.meta.url) points at ${target}, outside the files a build can carry (a file or folder inside the repository)`,
      );
    }
    if (!existsSync(target)) throw new Error(`${relative(root, from)}: new URL(…, import.meta.url) points at ${repoPath}, which does not exist`);
    if (SCRIPT.test(target) && !statSync(target).isDirectory()) {
      const out = join('assets', repoPath.replace(SCRIPT, '.mjs'));
      if (!scripts.has(target)) {
        scripts.set(
          target,
          bundle({ ...commonOptions(root, plugin), entryPoints: [target], outfile: join(outdir, out) }).then((r) => r.metafile),
        );
      }
      return out;
    }
    if (!copied.has(target)) {
      copied.add(target);
      cpSync(target, join(outdir, 'assets', repoPath), { recursive: true, filter: (f) => !/\.test\.[a-z]+$/.test(f) });
    }
    return join('assets', repoPath);
  }

  const plugin: esbuild.Plugin = {
    name: 'asset-urls',
    setup(b) {
      b.onLoad({ filter: SCRIPT }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        const scanned = scanSource(source);
        const where = (lines: number[]) => lines.map((line) => `${relative(root, args.path)}:${line}`).join(', ');
        if (scanned.unsupported.length) {
          return {
            errors: [
              {
                text: `import.meta used in a way the build cannot carry into dist/ (${where(scanned.unsupported)}): use new URL('<relative path>', import.meta.url) or createRequire(import.meta.url)`,
              },
            ],
          };
        }
        if (scanned.packageImports.length) {
          return {
            errors: [
              {
                text: `import('${WORKSPACE_SCOPE}…') makes the bundler load all of that package wherever any of it is used (${where(scanned.packageImports)}): import() a local module that re-exports what you need`,
              },
            ],
          };
        }
        let contents = source;
        for (const url of [...scanned.urls].reverse()) {
          const target = resolve(dirname(args.path), url.literal);
          const rewritten = `./${carry(target, args.path).split(sep).join('/')}${url.literal.endsWith('/') ? '/' : ''}`;
          contents = `${contents.slice(0, url.start)}${JSON.stringify(rewritten)}${contents.slice(url.end)}`;
        }
        const ext = extname(args.path);
        return { contents, loader: ext === '.ts' || ext === '.mts' ? 'ts' : 'js' };
      });
    },
  };

  return { plugin, copied, done: () => Promise.all(scripts.values()) };
}

/** Repository paths of every source file and asset dist/ was built from. */
function inputsOf(root: string, metafiles: esbuild.Metafile[], copied: Set<string>): string[] {
  const inputs = new Set<string>();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const path = relative(root, resolve(root, input));
      if (!path.startsWith('..') && !path.split(sep).includes('node_modules')) inputs.add(path);
    }
  }
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else inputs.add(relative(root, path));
  };
  for (const target of copied) walk(target);
  return [...inputs].sort();
}

// Run as a script (`node scripts/build.ts`), not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const { outdir } = await build();
    process.stdout.write(`build: ${relative(process.cwd(), outdir) || '.'}/ in ${Date.now() - started} ms\n`);
  } catch (err) {
    // `npm ci --omit=dev` runs `prepare` too, without esbuild: that install runs a dist/ built elsewhere.
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && /'esbuild'/.test((err as Error).message)) {
      const prepare = process.env.npm_lifecycle_event === 'prepare';
      process.stderr.write(
        `build: esbuild (a dev dependency) is not installed${prepare ? ', so dist/ is not built: install with dev dependencies (npm ci) to build it' : ': run npm ci (with dev dependencies) first'}\n`,
      );
      process.exit(prepare ? 0 : 1);
    }
    // esbuild has already printed its own errors; ours name the file and what to do.
    if (!(err instanceof Error && 'errors' in err)) process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
