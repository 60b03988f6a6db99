// The dashboard's files: the page and its script and styles from services/api/dashboard, and the
// browser builds of its libraries (Preact, htm, Chart.js) straight from node_modules, so `npm install`
// is the whole build. Loaded into memory once per API instance; served with an ETag.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

export interface DashboardAssets {
  get(path: string): Asset | undefined;
  /** Content-Security-Policy for the page (allows its inline import map by hash, nothing else inline). */
  readonly csp: string;
}

const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/', import.meta.url));

/** URL path → [package, file inside the package]. */
const VENDOR: Record<string, [string, string]> = {
  '/vendor/preact.mjs': ['preact', 'dist/preact.mjs'],
  '/vendor/preact-hooks.mjs': ['preact', 'hooks/dist/hooks.mjs'],
  '/vendor/htm.mjs': ['htm', 'dist/htm.module.js'],
  '/vendor/chart.umd.js': ['chart.js', 'dist/chart.umd.js'],
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

function packageRoot(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    dir = dirname(dir);
  }
  throw new Error(`dashboard: cannot find the ${name} package (run npm install)`);
}

function asset(body: Buffer, file: string): Asset {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  return { body, type: TYPES[ext] ?? 'application/octet-stream', etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

export function loadDashboardAssets(): DashboardAssets {
  const assets = new Map<string, Asset>();
  for (const file of readdirSync(DASHBOARD_DIR)) {
    if (!/\.(html|js|css|svg)$/.test(file)) continue;
    assets.set(file === 'index.html' ? '/' : `/dashboard/${file}`, asset(readFileSync(join(DASHBOARD_DIR, file)), file));
  }
  for (const [urlPath, [pkg, file]] of Object.entries(VENDOR)) assets.set(urlPath, asset(readFileSync(join(packageRoot(pkg), file)), file));
  const html = assets.get('/')?.body.toString('utf8') ?? '';
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(importMap).digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { get: (path) => assets.get(path), csp };
}
