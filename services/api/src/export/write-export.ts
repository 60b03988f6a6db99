// Streams an export (mentions, stories) page by page as CSV (BOM + header, formula-safe cells) or
// NDJSON, waiting for the socket to drain, so an export never sits in memory at once and a client
// that goes away stops it.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { csvLine } from './mention-row.js';

type Cell = string | number | boolean | undefined;

export interface ExportOptions<T> {
  res: ServerResponse;
  format: 'csv' | 'ndjson';
  columns: readonly string[];
  row(item: T): Record<string, Cell>;
  /** The first page, already fetched (its total went into the headers). */
  first: T[];
  /** Most items written. */
  limit: number;
  pageSize: number;
  next(offset: number, size: number): Promise<T[]>;
}

/** The response head of an export: type, a dated attachment name, how many matched and the cap. */
export function exportHead(what: string, format: 'csv' | 'ndjson', total: number, limit: number, now: Date): Record<string, string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="earshot-${what}-${stamp}.${format}"`,
    'x-total-count': String(total),
    'x-export-limit': String(limit),
    'cache-control': 'no-store',
  };
}

async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}

export async function writeExport<T>(o: ExportOptions<T>): Promise<void> {
  if (o.format === 'csv') await write(o.res, `\uFEFF${csvLine([...o.columns])}`);
  let page = o.first;
  let sent = 0;
  while (page.length && !o.res.destroyed) {
    let chunk = '';
    for (const item of page) {
      if (sent >= o.limit) break;
      chunk += o.format === 'csv' ? csvLine(o.columns.map((c) => o.row(item)[c])) : `${JSON.stringify(item)}\n`;
      sent++;
    }
    await write(o.res, chunk);
    if (sent >= o.limit || page.length < o.pageSize) break;
    page = await o.next(sent, Math.min(o.pageSize, o.limit - sent));
  }
}
