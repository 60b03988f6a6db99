// The build (scripts/build.ts): what it carries into dist/ and what it refuses, then a real build of
// the repository, checked the way a production install would meet it — every package dist/ imports
// is a production dependency, `earshot --help` loads none of the heavy ones, every file dist/ reads
// at run time is there, and the built CLI answers from its own directory.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metafile } from 'esbuild';
import { build, externalImports, nestedInWorkspaces, packageName, productionDependencies, REPO_ROOT, scanSource, undeclaredPackages } from './build.js';

const run = promisify(execFile);

describe('scanSource', () => {
  it.each([
    { source: "const d = new URL('../../models/', import.meta.url);", urls: ['../../models/'], unsupported: [] },
    { source: 'const w = new URL("./worker.mjs", import.meta.url);', urls: ['./worker.mjs'], unsupported: [] },
    { source: 'const w = new URL(\n  "./a.json",\n  import.meta.url,\n);', urls: ['./a.json'], unsupported: [] },
    { source: 'const require = createRequire(import.meta.url);', urls: [], unsupported: [] },
    { source: '// x\nconst here = import.meta.url;', urls: [], unsupported: [2] },
    { source: 'const dir = import.meta.dirname;', urls: [], unsupported: [1] },
    { source: 'const u = new URL(name, import.meta.url);', urls: [], unsupported: [1] },
    { source: "const a = await import('./local.js');\nconst b = await import('@earshot/nlp');", urls: [], unsupported: [], packageImports: [2] },
  ])('$source', ({ source, urls, unsupported, packageImports = [] }) => {
    const scanned = scanSource(source);
    expect(scanned.urls.map((u) => u.literal)).toEqual(urls);
    // The offsets cover the literal with its quotes, so the build can replace it.
    for (const u of scanned.urls) expect(source.slice(u.start + 1, u.end - 1)).toBe(u.literal);
    expect(scanned.unsupported).toEqual(unsupported);
    expect(scanned.packageImports).toEqual(packageImports);
  });
});

describe('packageName', () => {
  it.each([
    ['zod', 'zod'],
    ['zod/v4', 'zod'],
    ['@elastic/elasticsearch', '@elastic/elasticsearch'],
    ['@scope/pkg/sub/path.js', '@scope/pkg'],
    ['node:fs', undefined],
    ['worker_threads', undefined],
  ])('%s → %s', (specifier, name) => expect(packageName(specifier)).toBe(name));
});

describe('production dependencies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-build-deps-'));
  const write = (path: string, manifest: object) => {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'package.json'), JSON.stringify(manifest));
  };
  write('.', { workspaces: ['packages/*'], dependencies: { zod: '4' }, devDependencies: { tsx: '4' } });
  write('packages/bus', { name: '@earshot/bus', dependencies: { '@platformatic/kafka': '1' }, devDependencies: { vitest: '4' } });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are the root's and each workspace's dependencies, not their devDependencies", () => {
    const production = productionDependencies(dir);
    expect([...production].sort()).toEqual(['@earshot/bus', '@platformatic/kafka', 'zod']);
    expect(undeclaredPackages(['@platformatic/kafka', 'tsx', 'vitest', 'zod'], production)).toEqual(['tsx', 'vitest']);
  });

  it('names a package a workspace has its own copy of, which the bundle would not use', () => {
    mkdirSync(join(dir, 'packages/bus/node_modules/@platformatic/kafka'), { recursive: true });
    expect(nestedInWorkspaces(dir, ['@platformatic/kafka', 'zod'])).toEqual(['packages/bus/node_modules/@platformatic/kafka']);
  });
});

describe('a build of the repository', () => {
  // Inside the repository (.vitest/ is git-ignored), so the built files find node_modules as dist/ does.
  const outdir = join(REPO_ROOT, '.vitest', `dist-test-${process.pid}`);
  let metafiles: Metafile[] = [];
  beforeAll(async () => {
    ({ metafiles } = await build({ outdir }));
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('imports only production dependencies: a production install (npm ci --omit=dev) can start it', () => {
    const imported = externalImports(metafiles);
    expect(imported).toContain('commander');
    expect(undeclaredPackages(imported, productionDependencies(REPO_ROOT))).toEqual([]);
    const dev = Object.keys((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: object }).devDependencies);
    expect(imported.filter((name) => dev.includes(name))).toEqual([]);
  });

  it('loads nothing but commander before a command runs (what --help loads): no zod, Kafka, Elasticsearch, SQLite, pino or NLP', () => {
    const outputs = metafiles[0]!.outputs;
    const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint?.endsWith('services/earshot/src/main.ts'))!;
    // The npm packages reachable from the entry through static imports only.
    const loaded = new Set<string>();
    const seen = new Set<string>();
    const visit = (output: string) => {
      if (seen.has(output)) return;
      seen.add(output);
      for (const imp of outputs[output]!.imports) {
        if (imp.kind !== 'import-statement') continue;
        const name = imp.external ? packageName(imp.path) : undefined;
        if (name) loaded.add(name);
        else if (!imp.external) visit(imp.path);
      }
    };
    visit(entry);
    expect([...loaded]).toEqual(['commander']);
  });

  it('carries every file it reads at run time into dist/assets/ and points at it there', () => {
    const code = readdirSync(outdir).filter((f) => f.endsWith('.js'));
    const referenced = code.flatMap((f) =>
      [...readFileSync(join(outdir, f), 'utf8').matchAll(/new URL\("(\.\/assets\/[^"]+)", import\.meta\.url\)/g)].map((m) => m[1]!),
    );
    expect(referenced).toEqual(
      expect.arrayContaining([
        './assets/packages/nlp/models/',
        './assets/services/api/dashboard/',
        './assets/demo/',
        './assets/package.json',
        './assets/packages/store/src/sqlite/sqlite-read-worker.mjs',
      ]),
    );
    for (const path of referenced) expect(existsSync(join(outdir, path)), path).toBe(true);
    // No URL is left pointing at the sources.
    for (const f of code) expect(readFileSync(join(outdir, f), 'utf8'), f).not.toMatch(/new URL\("\.\.\//);
  });

  it('answers --help and --version from the build, and runs a command that reads the models from dist/assets', async () => {
    const help = await run(process.execPath, [join(outdir, 'main.js'), '--help']);
    for (const command of ['run', 'search', 'report', 'collector', 'api', 'config', 'nlp', 'feeds', 'store'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    const version = await run(process.execPath, [join(outdir, 'main.js'), '--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);

    const analyze = run(process.execPath, [join(outdir, 'main.js'), 'nlp', 'analyze']);
    analyze.child.stdin!.end(`${JSON.stringify({ text: 'Доставка опять задержалась, ужасный сервис' })}\n`);
    const line = JSON.parse((await analyze).stdout) as { lang: string; sentiment: { label: string } };
    expect(line.lang).toBe('ru');
    expect(line.sentiment.label).toBe('negative');
  }, 60_000);

  it('starts from a production install: dist/, bin/ and package.json beside only the packages npm ci --omit=dev installs', async () => {
    // What the image's runtime stage holds, in a temporary directory; node_modules links to the
    // top-level packages the lockfile does not mark dev (the workspace links are left out, as there).
    const app = mkdtempSync(join(tmpdir(), 'earshot-production-'));
    try {
      cpSync(outdir, join(app, 'dist'), { recursive: true });
      cpSync(join(REPO_ROOT, 'bin'), join(app, 'bin'), { recursive: true });
      cpSync(join(REPO_ROOT, 'package.json'), join(app, 'package.json'));
      const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { dev?: boolean; devOptional?: boolean; link?: boolean }>;
      };
      const production = Object.entries(lock.packages).filter(
        ([path, p]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) && !p.dev && !p.devOptional && !p.link,
      );
      for (const [path] of production) {
        if (!existsSync(join(REPO_ROOT, path))) continue; // an optional package for another platform
        mkdirSync(dirname(join(app, path)), { recursive: true });
        symlinkSync(join(REPO_ROOT, path), join(app, path));
      }
      expect(existsSync(join(app, 'node_modules/tsx'))).toBe(false);
      expect(existsSync(join(app, 'node_modules/esbuild'))).toBe(false);
      const earshot = (args: string[], input?: string) => {
        const child = run(process.execPath, [join(app, 'bin/earshot.js'), ...args], { cwd: app, env: { ...process.env, LOG_LEVEL: 'silent' } });
        child.child.stdin!.end(input ?? '');
        return child;
      };
      expect((await earshot(['--help'])).stdout).toContain('Usage: earshot');
      // The models (createRequire'd wink model included) and the SQLite store with its read worker.
      const analyzed = JSON.parse((await earshot(['nlp', 'analyze'], '{"text":"Nordtel raised the price again, terrible support"}\n')).stdout) as {
        lang: string;
      };
      expect(analyzed.lang).toBe('en');
      writeFileSync(
        join(app, 'earshot.yaml'),
        `brands: [{ id: nordtel, name: Nordtel }]\nbus: { kind: embedded, path: "${join(app, 'bus.db')}" }\nstore: { kind: sqlite, path: "${join(app, 'store.db')}" }\n`,
      );
      const once = JSON.parse((await earshot(['run', '--once', '--json'])).stdout) as { mentionsStored: number };
      expect(once.mentionsStored).toBe(0);
      expect((await earshot(['search', 'price', '--json'])).stdout).toContain('"total":0');
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  }, 120_000);
});
