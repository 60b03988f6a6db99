// A report as people read it: an HTML page (the e-mail body and `earshot report --out`) with inline
// styles and inline SVG charts, and the same content as plain text (the e-mail's text part, Slack).
// Every value from the data is escaped; times are on the reader's clock.
import type { ReportData } from './build-report.js';
import { escapeHtml as esc } from './escape-html.js';
import { SENTIMENT_COLORS, shareOfVoiceSvg, timelineSvg } from './svg-charts.js';

const num = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
}

export function periodText(report: Pick<ReportData, 'period' | 'timeZone'>): string {
  return `${when(report.period.from, report.timeZone)} – ${when(report.period.to, report.timeZone)} (${report.timeZone})`;
}

const change = (value: number | null, unit: string) => (value === null ? 'no earlier data' : value === 0 ? `±0${unit}` : `${signed.format(value)}${unit}`);
const share = (value: number | null) => (value === null ? '—' : `${num.format(value)}%`);
const net = (value: number | null) => (value === null ? '—' : signed.format(value));

/** Colour of a change: green when it is good news, red when bad. */
function tone(value: number | null, upIsGood: boolean): string {
  if (!value) return '#5f6b7a';
  return value > 0 === upIsGood ? SENTIMENT_COLORS.positive : SENTIMENT_COLORS.negative;
}

const H2 = 'style="font-size:16px;margin:24px 0 8px;color:#1f4e79"';
const TD = 'style="padding:6px 8px;border-top:1px solid #dde3ea;vertical-align:top"';
const TH = 'style="padding:6px 8px;text-align:left;font-size:12px;color:#5f6b7a"';
const SMALL = (color: string) => `style="font-size:12px;color:${color}"`;

function figure(value: string, delta: number | null, unit: string, upIsGood: boolean): string {
  return `<strong style="font-size:18px">${esc(value)}</strong><br><span ${SMALL(tone(delta, upIsGood))}>${esc(change(delta, unit))}</span>`;
}

export function renderReportHtml(report: ReportData): string {
  const headlines = report.brands
    .map(
      (b) =>
        `<tr data-brand="${esc(b.brandId)}"><td ${TD}><strong>${esc(b.name)}</strong></td>` +
        `<td ${TD}>${figure(num.format(b.volume), b.change.volume, '%', true)}</td>` +
        `<td ${TD}>${figure(share(b.negativeShare), b.change.negativeShare, ' pts', false)}</td>` +
        `<td ${TD}>${figure(net(b.netSentiment), b.change.netSentiment, ' pts', true)}</td></tr>`,
    )
    .join('');
  const alerts = report.alerts.length
    ? `<ol style="padding-left:20px;margin:0">${report.alerts
        .map(
          (a) =>
            `<li style="margin-bottom:8px" data-alert><span style="display:inline-block;padding:1px 6px;border-radius:8px;font-size:11px;color:#fff;background:${a.severity === 'critical' ? SENTIMENT_COLORS.negative : a.severity === 'warning' ? '#b7791f' : '#3182ce'}">${esc(a.severity)}</span> ` +
            `<strong>${esc(a.title)}</strong> <span ${SMALL('#5f6b7a')}>${esc(a.brandName)} · ${esc(a.state)} · ${a.count} mentions · opened ${esc(when(a.openedAt, report.timeZone))}</span><br><span style="font-size:13px">${esc(a.summary)}</span></li>`,
        )
        .join('')}</ol>`
    : '<p style="margin:0;color:#5f6b7a">No alerts in this period.</p>';
  const stories = `<h2 ${H2}>Top stories</h2>${
    report.stories.length
      ? `<ol style="padding-left:20px;margin:0">${report.stories
          .map(
            (s) =>
              `<li style="margin-bottom:6px" data-story><strong>${esc(s.title)}</strong> <span ${SMALL('#5f6b7a')}>${s.size} mentions · ${num.format(s.negativeShare)}% negative · ${esc(s.languages.join(', '))}</span></li>`,
          )
          .join('')}</ol>`
      : '<p style="margin:0;color:#5f6b7a">No stories in this period.</p>'
  }`;
  const topics = report.topics.length
    ? `<table style="border-collapse:collapse;width:100%"><tr><th ${TH}>Topic</th><th ${TH}>Negative</th><th ${TH}>All</th></tr>${report.topics
        .map((t) => `<tr><td ${TD}>${esc(t.name)}</td><td ${TD}>${t.negative}</td><td ${TD}>${t.total}</td></tr>`)
        .join('')}</table>`
    : '<p style="margin:0;color:#5f6b7a">No topics in this period.</p>';
  const list = (rows: { label: string; count: number }[]) => rows.map((r) => `${esc(r.label)} (${r.count})`).join(' · ') || '—';

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(report.title)}</title></head>
<body style="margin:0;background:#f4f6f8;color:#1d2733;font-family:Arial,Helvetica,sans-serif">
<div style="max-width:680px;margin:0 auto;padding:16px;background:#ffffff">
<h1 style="font-size:20px;margin:0 0 4px">${esc(report.title)}</h1>
<p style="margin:0;color:#5f6b7a;font-size:13px" data-section="period">${esc(periodText(report))}, compared with the period before</p>
<h2 ${H2}>Headline figures</h2>
<table style="border-collapse:collapse;width:100%" data-section="headlines"><tr><th ${TH}>Brand</th><th ${TH}>Mentions</th><th ${TH}>Negative share</th><th ${TH}>Net sentiment</th></tr>${headlines}</table>
<h2 ${H2}>Share of voice</h2>
<div data-section="share-of-voice">${shareOfVoiceSvg({ rows: report.shareOfVoice })}</div>
<p style="margin:4px 0 0;font-size:12px;color:#5f6b7a">${report.shareOfVoice.map((s) => `${esc(s.name)}: ${esc(share(s.share))} (before: ${esc(share(s.previousShare))})`).join(' · ')}</p>
<h2 ${H2}>Mentions over time</h2>
<div data-section="timeline">${timelineSvg({ points: report.timeline.points, bucket: report.timeline.bucket, timeZone: report.timeZone })}</div>
<h2 ${H2}>Top alerts</h2>
<div data-section="alerts">${alerts}</div>
${stories}
<h2 ${H2}>Topics with the most negative mentions</h2>
<div data-section="topics">${topics}</div>
<h2 ${H2}>Languages and sources</h2>
<p style="margin:0;font-size:13px" data-section="languages">Languages: ${list(report.languages.map((l) => ({ label: l.name, count: l.count })))}</p>
<p style="margin:4px 0 0;font-size:13px" data-section="sources">Sources: ${list(report.sources.map((s) => ({ label: s.title, count: s.count })))}</p>
<p style="margin:24px 0 0;font-size:11px;color:#5f6b7a">Earshot · times in ${esc(report.timeZone)} · net sentiment = (positive − negative) / (positive + negative) × 100</p>
</div>
</body></html>
`;
}

export function renderReportText(report: ReportData): string {
  const lines = [report.title, periodText(report), '', 'Headline figures (change vs the period before):'];
  for (const b of report.brands) {
    lines.push(
      `- ${b.name}: ${b.volume} mentions (${change(b.change.volume, '%')}), negative ${share(b.negativeShare)} (${change(b.change.negativeShare, ' pts')}), net sentiment ${net(b.netSentiment)} (${change(b.change.netSentiment, ' pts')})`,
    );
  }
  lines.push('', `Share of voice: ${report.shareOfVoice.map((s) => `${s.name} ${share(s.share)}`).join(', ')}`, '', 'Top alerts:');
  if (!report.alerts.length) lines.push('- none in this period');
  for (const a of report.alerts) lines.push(`- [${a.severity.toUpperCase()}] ${a.title} (${a.brandName}, ${a.state}, ${a.count} mentions)`);
  lines.push('', 'Top stories:');
  if (!report.stories.length) lines.push('- none in this period');
  for (const s of report.stories) lines.push(`- ${s.title} (${s.size} mentions, ${num.format(s.negativeShare)}% negative, ${s.languages.join(', ')})`);
  if (report.topics.length) lines.push('', `Most negative topics: ${report.topics.map((t) => `${t.name} (${t.negative} of ${t.total})`).join(', ')}`);
  if (report.languages.length) lines.push(`Languages: ${report.languages.map((l) => `${l.name} (${l.count})`).join(', ')}`);
  if (report.sources.length) lines.push(`Sources: ${report.sources.map((s) => `${s.title} (${s.count})`).join(', ')}`);
  return lines.join('\n');
}
