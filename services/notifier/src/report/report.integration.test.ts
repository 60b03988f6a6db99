// The report built from a seeded store, on SQLite and on Elasticsearch: the same figures, charts,
// alerts, stories and names on both, rendered as HTML with inline SVG and every value escaped.
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { MentionStore } from '@earshot/store';
import { createSqliteStore } from '@earshot/store/sqlite';
import { createElasticsearchStore, dropElasticsearchPrefix } from '@earshot/store/elasticsearch';
import { REPORT_WEEK, reportAlerts, reportConfig, reportMentions, reportStories } from '../testing/report-seed.js';
import { buildReport } from './build-report.js';
import { renderReportHtml, renderReportText } from './render-report.js';

const esUrl = inject('elasticsearchUrl');
const prefix = `rep${Date.now().toString(36)}`;
const backends: { name: string; create: () => MentionStore }[] = [
  { name: 'sqlite', create: () => createSqliteStore({ path: ':memory:' }) },
  ...(esUrl ? [{ name: 'elasticsearch', create: () => createElasticsearchStore({ url: esUrl, indexPrefix: prefix }) }] : []),
];
if (!esUrl) it.skip(`report on elasticsearch (${inject('serversUnavailable') || 'ELASTICSEARCH_URL not set'})`, () => {});

afterAll(async () => {
  if (!esUrl) return;
  await dropElasticsearchPrefix({ url: esUrl, indexPrefix: prefix });
});

for (const backend of backends) {
  describe(`report on ${backend.name}`, () => {
    it('has the headline figures, share of voice, local-day timeline, top alerts, top stories and names of the week', async () => {
      const store = backend.create();
      await store.init();
      await store.upsertMentions(reportMentions());
      for (const a of reportAlerts()) await store.upsertAlert(a);
      await store.upsertStories(reportStories());
      const config = reportConfig();
      const report = await buildReport({
        store,
        brands: config.brands,
        sources: config.sources,
        brandIds: ['nordtel'],
        period: REPORT_WEEK,
        timeZone: 'Europe/Tallinn',
      });

      expect(report.title).toBe('Nordtel: weekly report');
      expect(report.brands).toEqual([
        expect.objectContaining({
          brandId: 'nordtel',
          name: 'Nordtel',
          volume: 6,
          negativeShare: 50,
          netSentiment: -20,
          change: { volume: 200, negativeShare: 0, netSentiment: -20 },
        }),
      ]);
      expect(report.shareOfVoice.map((s) => [s.name, s.share, s.previousShare])).toEqual([
        ['Nordtel', 75, 100],
        ['Acme', 25, 0],
      ]);
      // Local (Tallinn) days; the mention at Sunday 23:30 and the one at Monday 00:30 are on two days.
      expect(report.timeline.bucket).toBe('day');
      expect(report.timeline.points.map((p) => [p.time, p.negative + p.neutral + p.positive])).toEqual([
        ['2026-11-15T22:00:00.000Z', 0], // Monday 16th from 09:00
        ['2026-11-16T22:00:00.000Z', 1],
        ['2026-11-17T22:00:00.000Z', 1],
        ['2026-11-18T22:00:00.000Z', 1],
        ['2026-11-19T22:00:00.000Z', 1],
        ['2026-11-20T22:00:00.000Z', 0],
        ['2026-11-21T22:00:00.000Z', 1],
        ['2026-11-22T22:00:00.000Z', 1], // Monday 23rd until 09:00
      ]);
      expect(report.alerts.map((a) => a.title)).toEqual(['Nordtel: "don\'t buy" <warning> spreading', 'Nordtel: 3 negative mentions in 10m']);
      expect(report.topics.map((t) => [t.name, t.negative, t.total])).toEqual([
        ['Price and fairness', 2, 2],
        ['Customer service', 1, 2],
        ['Speed and delivery', 0, 1],
      ]);
      expect(report.languages.map((l) => l.name).sort()).toEqual(['English', 'Estonian', 'Hebrew', 'Kazakh', 'Russian']);
      expect(report.sources).toContainEqual({ id: 'demo-ru', title: 'Otzyvy reviews', count: 1 });
      expect(report.sources).toContainEqual({ id: 'demo-et', title: 'arvustused.example.org', count: 1 }); // no title: the host
      // The week's stories of the report's brand, largest first; not Acme's, not one that ended before.
      expect(report.stories).toEqual([
        { title: 'Price rise <b>again</b>', size: 4, negativeShare: 75, languages: ['ru', 'en'] },
        { title: 'New shop in Tartu', size: 2, negativeShare: 0, languages: ['et'] },
      ]);

      const html = renderReportHtml(report);
      expect(html).toContain('16 Nov 2026, 09:00 – 23 Nov 2026, 09:00 (Europe/Tallinn), compared with the period before');
      expect(html.match(/<svg /g)).toHaveLength(2);
      expect(html).toContain('data-chart="share-of-voice"');
      expect(html).toMatch(/data-chart="timeline"[\s\S]*>Mon 16<\/text>[\s\S]*>Sat 21<\/text>[\s\S]*>Mon 23<\/text>/);
      expect(html).toMatch(/<tr data-brand="nordtel">.*<strong style="font-size:18px">6<\/strong><br><span[^>]*>\+200%<\/span>.*50%.*-20/);
      expect(html).toContain('Nordtel: 75% (before: 100%)');
      expect(html).toContain('Nordtel: &quot;don&#39;t buy&quot; &lt;warning&gt; spreading');
      expect(html).not.toContain('<warning>');
      expect(html).not.toContain('an old alert');
      expect(html).not.toContain('Acme: high-impact mention'); // not this report's brand
      expect(html).toContain('Top stories');
      expect(html).toContain('Price rise &lt;b&gt;again&lt;/b&gt;</strong> <span style="font-size:12px;color:#5f6b7a">4 mentions · 75% negative · ru, en');
      expect(html).not.toContain('Acme outage');
      expect(html).not.toContain('an old story');
      expect(html).toContain('Russian (1)');
      expect(html).toContain('Otzyvy reviews (1)');
      expect(renderReportText(report)).toContain('- Nordtel: 6 mentions (+200%), negative 50% (±0 pts), net sentiment -20 (-20 pts)');

      await store.close();
    });
  });
}
