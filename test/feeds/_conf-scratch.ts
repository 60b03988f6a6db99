import { readFileSync } from 'node:fs';
import { parseFeed } from '@earshot/feeds';
import { checkRecord, explain, type ExpectationRecord } from '/work/main/test/feeds/expectations.ts';
const dir = '/work/shared/data/feeds/';
const records = readFileSync(dir + 'expectations.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ExpectationRecord);
let met = 0, total = 0; const misses: string[] = [];
const t0 = Date.now();
for (const r of records) {
  const bytes = readFileSync(dir + r.file);
  let result: unknown;
  try { result = parseFeed(bytes, { contentType: r.http_headers?.['Content-Type'] }); } catch (e) { result = { crash: String(e) }; console.log('CRASH', r.file, e); }
  for (const v of checkRecord(r, result, bytes)) { total++; if (v.met) met++; else misses.push(explain(v)); }
}
console.log(misses.join('\n'));
console.log(`${met}/${total} ${(100*met/total).toFixed(1)}% in ${Date.now()-t0}ms`);
