import { describe, expect, it } from 'vitest';
import type { ReportData } from './build-report.js';
import { renderReportHtml, renderReportText } from './render-report.js';

const HOSTILE = '</svg><script>alert(1)</script><img src=x onerror=alert(2)>';

function report(over: Partial<ReportData> = {}): ReportData {
  const figures = { volume: 0, negative: 0, neutral: 0, positive: 0, negativeShare: null, netSentiment: null };
  return {
    title: `${HOSTILE}: daily report`,
    period: { from: '2026-11-22T07:00:00.000Z', to: '2026-11-23T07:00:00.000Z' },
    previousPeriod: { from: '2026-11-21T07:00:00.000Z', to: '2026-11-22T07:00:00.000Z' },
    timeZone: 'Europe/Tallinn',
    brands: [{ brandId: 'x', name: HOSTILE, ...figures, previous: figures, change: { volume: null, negativeShare: null, netSentiment: null } }],
    shareOfVoice: [{ brandId: 'x', name: HOSTILE, count: 0, share: null, previousShare: null }],
    timeline: { bucket: 'hour', points: [] },
    topics: [{ id: 'x', name: HOSTILE, negative: 1, total: 1 }],
    languages: [{ code: 'x', name: HOSTILE, count: 1 }],
    sources: [{ id: 'x', title: HOSTILE, count: 1 }],
    alerts: [
      {
        title: HOSTILE,
        summary: HOSTILE,
        severity: 'critical',
        state: 'open',
        brandId: 'x',
        brandName: HOSTILE,
        ruleId: 'r',
        count: 1,
        openedAt: '2026-11-22T08:00:00.000Z',
      },
    ],
    stories: [{ title: HOSTILE, size: 2, negativeShare: 50, languages: [HOSTILE] }],
    ...over,
  };
}

describe('report rendering', () => {
  it('escapes every value, in the page and in the charts', () => {
    const html = renderReportHtml(report());
    expect(html).not.toMatch(/<script|<img|<\/svg><script/);
    expect(html.match(/&lt;\/svg&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)!.length).toBeGreaterThanOrEqual(8);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.match(/<\/svg>/g)).toHaveLength(2);
  });

  it('says when there is nothing to show', () => {
    const empty = report({ alerts: [], topics: [], stories: [] });
    const html = renderReportHtml(empty);
    expect(html).toContain('No alerts in this period.');
    expect(html).toContain('No mentions in this period');
    expect(html).toContain('No topics in this period.');
    expect(html).toContain('No stories in this period.');
    expect(renderReportText(empty)).toContain('Top stories:\n- none in this period');
  });
});
