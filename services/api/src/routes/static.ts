// Public routes for the dashboard shell and its vendored libraries (no data in them: the page asks
// for a token before it loads anything).
import type { DashboardAssets } from '../static/dashboard-assets.js';
import { notFound } from '../http/http-error.js';
import type { RequestContext, Route } from '../http/router.js';

export function staticRoutes(assets: DashboardAssets): Route[] {
  const serve = (path: string, { req, res }: RequestContext, extra: Record<string, string> = {}) => {
    const asset = assets.get(path);
    if (!asset) throw notFound(`no such file: ${path}`);
    const headers = {
      'content-type': asset.type,
      etag: asset.etag,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...extra,
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, { ...headers, 'content-length': String(asset.body.length) });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };
  return [
    {
      method: 'GET',
      path: '/',
      access: 'public',
      handle: async (ctx) => serve('/', ctx, { 'content-security-policy': assets.csp, 'x-frame-options': 'DENY' }),
    },
    { method: 'GET', path: '/dashboard/:file', access: 'public', handle: async (ctx) => serve(`/dashboard/${ctx.params.file}`, ctx) },
    { method: 'GET', path: '/vendor/:file', access: 'public', handle: async (ctx) => serve(`/vendor/${ctx.params.file}`, ctx) },
  ];
}
