// `npm run bench -- nlp-pipeline [per-lang=400] [--all]`: does a mention reach the store with the
// judgement the analyzer gives its text? Real labeled texts (shared/data sentiment and topic dev sets,
// per-lang of each per language, spread evenly through each file) are served from loopback as feeds
// in the shapes real feeds take — RSS with the title repeating the start of the text, RSS with HTML in
// CDATA and no title, Atom with escaped HTML content, JSON Feed — and `earshot run --once` collects,
// enriches and stores them on the embedded backend (every source `about:` one brand, so every item is
// a mention). Each stored mention is then set beside `analyze()` called on the dev text directly:
// language right (the file's language is the truth), sentiment label and topics the same.
//
// Both sides use the shipped models, which were trained on these dev texts, so their own scores
// against the dev labels would be in-sample and say nothing; what the run measures is what the
// collector and enricher add or lose on the way (markup, titles, feed language tags, lost items).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { createAnalyzer, SUPPORTED_LANGUAGES } from '../../packages/nlp/src/index.js';
import { readLabeledFile } from '../../packages/nlp/src/eval/read-labeled.js';
import { readTopicFile } from '../../packages/nlp/src/eval/read-topics.js';
import { sharedDataFile, sharedDir } from '../../packages/nlp/src/eval/shared-dir.js';
import { startFeedServer } from '../support/feed-server.js';
import { printTable, writeResults } from './results.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PER_LANG = Number(process.argv.find((a) => a.startsWith('per-lang='))?.split('=')[1] ?? 400);
const ALL = process.argv.includes('--all');
const ITEMS_PER_FEED = 50;

interface Text {
  id: string;
  lang: string;
  text: string;
  set: 'sentiment' | 'topics';
}

/** `n` rows spread evenly through the file (the files are not sorted by label, but some are by source). */
function spread<T>(rows: T[], n: number): T[] {
  if (ALL || rows.length <= n) return rows;
  return Array.from({ length: n }, (_, i) => rows[Math.floor((i * rows.length) / n)]!);
}

function readTexts(): Text[] {
  const texts: Text[] = [];
  for (const lang of SUPPORTED_LANGUAGES) {
    const sentiment = sharedDataFile(process.env, 'sentiment/dev', lang);
    const topics = sharedDataFile(process.env, 'topics/dev', lang);
    if (!sentiment || !topics) throw new Error(`shared data for ${lang} not found under ${sharedDir(process.env)} (set EARSHOT_SHARED)`);
    spread(readLabeledFile(sentiment).examples, PER_LANG).forEach((e, i) => texts.push({ id: `${lang}-s${i}`, lang, text: e.text, set: 'sentiment' }));
    spread(readTopicFile(topics).examples, PER_LANG).forEach((e, i) => texts.push({ id: `${lang}-t${i}`, lang, text: e.text, set: 'topics' }));
  }
  return texts;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** The title many feeds give an untitled post: the start of its text, cut with an ellipsis. */
const startTitle = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
/** The text as a web page's HTML: a paragraph, entities for quotes, line breaks as <br/>. */
const html = (text: string) => `<div class="review"><p>${xml(text).replace(/'/g, '&#39;').replace(/\n/g, '<br/>')}</p></div>`;
const link = (t: Text) => `https://reviews.example/${t.id}`;
const date = (i: number) => new Date(Date.now() - i * 60_000);

const SHAPES = [
  {
    name: 'RSS, title = start of text',
    type: 'rss',
    body: (lang: string, items: Text[]) =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>reviews</title><link>https://reviews.example/</link><language>${lang}</language>${items
        .map(
          (t, i) =>
            `<item><title>${xml(startTitle(t.text))}</title><link>${link(t)}</link><guid>${t.id}</guid><pubDate>${date(i).toUTCString()}</pubDate><description>${xml(t.text)}</description></item>`,
        )
        .join('')}</channel></rss>`,
  },
  {
    name: 'RSS, HTML in CDATA, no title',
    type: 'rss',
    body: (_lang: string, items: Text[]) =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>reviews</title><link>https://reviews.example/</link>${items
        .map(
          (t, i) =>
            `<item><link>${link(t)}</link><guid>${t.id}</guid><pubDate>${date(i).toUTCString()}</pubDate><description><![CDATA[${html(t.text)}]]></description></item>`,
        )
        .join('')}</channel></rss>`,
  },
  {
    name: 'Atom, escaped HTML content',
    type: 'atom',
    body: (lang: string, items: Text[]) =>
      `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}"><title>reviews</title><id>urn:reviews:${lang}</id><updated>${date(0).toISOString()}</updated>${items
        .map(
          (t, i) =>
            `<entry><id>urn:review:${t.id}</id><title>${xml(startTitle(t.text))}</title><link href="${link(t)}"/><updated>${date(i).toISOString()}</updated><content type="html">${xml(html(t.text))}</content></entry>`,
        )
        .join('')}</feed>`,
  },
  {
    name: 'JSON Feed, text only',
    type: 'jsonfeed',
    body: (_lang: string, items: Text[]) =>
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'reviews',
        items: items.map((t, i) => ({ id: t.id, url: link(t), content_text: t.text, date_published: date(i).toISOString() })),
      }),
  },
] as const;

const texts = readTexts();
const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-nlp-pipeline-'));
const server = await startFeedServer();
const shapeOf = new Map<string, string>();
try {
  const sources: string[] = [];
  for (const lang of SUPPORTED_LANGUAGES) {
    const mine = texts.filter((t) => t.lang === lang);
    for (let f = 0; f * ITEMS_PER_FEED < mine.length; f++) {
      const items = mine.slice(f * ITEMS_PER_FEED, (f + 1) * ITEMS_PER_FEED);
      const shape = SHAPES[f % SHAPES.length]!;
      const path = `/${lang}-${f}`;
      server.set(path, shape.body(lang, items), shape.type === 'jsonfeed' ? 'application/feed+json' : 'application/xml; charset=utf-8');
      for (const t of items) shapeOf.set(t.id, shape.name);
      sources.push(`  - { id: ${lang}-${f}, type: ${shape.type}, url: "${server.url}${path}", about: reviewed, allowPrivateNetwork: true }`);
    }
  }
  const config = join(dir, 'earshot.yaml');
  writeFileSync(
    config,
    `logLevel: silent
brands:
  - { id: reviewed, name: Reviewed, query: 'Reviewed' }
sources:
${sources.join('\n')}
bus: { kind: embedded, path: "${join(dir, 'bus.db')}" }
store: { kind: sqlite, path: "${join(dir, 'store.db')}" }
`,
  );
  process.stdout.write(`${texts.length} dev texts in ${sources.length} feeds: earshot run --once…\n`);
  const started = performance.now();
  // Not execFileSync: the feed server answers from this process's event loop.
  const run = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'services/earshot/src/main.ts'), 'run', '--once', '--json', '--config', config],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      maxBuffer: 64 << 20,
    },
  );
  const counts = JSON.parse(run.stdout) as { items: number; mentionsStored: number };
  process.stdout.write(`run --once: ${counts.items} items, ${counts.mentionsStored} mentions stored, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const db = new Database(join(dir, 'store.db'), { readonly: true });
  const stored = new Map<string, { lang: string; sentiment: string; topics: string[] }>();
  for (const row of db.prepare('SELECT url, doc FROM mentions').all() as { url: string; doc: string }[]) {
    const nlp = (JSON.parse(row.doc) as { nlp: { lang: string; sentiment: { label: string }; topics: { topic: string }[] } }).nlp;
    stored.set(row.url, { lang: nlp.lang, sentiment: nlp.sentiment.label, topics: nlp.topics.map((t) => t.topic).sort() });
  }
  db.close();

  const analyzer = createAnalyzer();
  type Tally = { texts: number; stored: number; langDirect: number; langPipeline: number; sentimentSame: number; topicsSame: number };
  // One row per language, per feed shape, and all texts.
  const tallies = new Map<string, Tally>(
    [...SUPPORTED_LANGUAGES, ...SHAPES.map((shape) => shape.name), 'all'].map((key) => [
      key,
      { texts: 0, stored: 0, langDirect: 0, langPipeline: 0, sentimentSame: 0, topicsSame: 0 },
    ]),
  );
  const differences: { id: string; shape: string; direct: unknown; pipeline: unknown; text: string }[] = [];
  for (const t of texts) {
    const counted = [t.lang, shapeOf.get(t.id)!, 'all'].map((key) => tallies.get(key)!);
    const got = stored.get(link(t));
    const direct = analyzer.analyze(t.text);
    const directTopics = direct.topics.map((x) => x.topic).sort();
    const sameSentiment = got?.sentiment === direct.sentiment.label;
    const sameTopics = got?.topics.join() === directTopics.join();
    for (const c of counted) {
      c.texts++;
      if (direct.lang === t.lang) c.langDirect++;
      if (!got) continue;
      c.stored++;
      if (got.lang === t.lang) c.langPipeline++;
      if (sameSentiment) c.sentimentSame++;
      if (sameTopics) c.topicsSame++;
    }
    if (!got || !sameSentiment || !sameTopics || got.lang !== direct.lang) {
      differences.push({
        id: t.id,
        shape: shapeOf.get(t.id)!,
        direct: { lang: direct.lang, sentiment: direct.sentiment.label, topics: directTopics },
        pipeline: got ?? 'not stored',
        text: t.text.slice(0, 120),
      });
    }
  }
  const share = (n: number, of: number) => (of === 0 ? '-' : (n / of).toFixed(3));
  const rows = [...tallies].map(([key, c]) => ({
    texts: key,
    served: c.texts,
    stored: c.stored,
    'lang right: direct': share(c.langDirect, c.texts),
    'lang right: pipeline': share(c.langPipeline, c.stored),
    'same sentiment': share(c.sentimentSame, c.stored),
    'same topics': share(c.topicsSame, c.stored),
  }));
  printTable(rows);
  process.stdout.write(`${differences.length} of ${texts.length} texts differ${differences.length ? ' (listed in the results file)' : ''}\n`);
  writeResults('nlp-pipeline', { perLang: ALL ? 'all' : PER_LANG, run: counts, rows, differences });
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
