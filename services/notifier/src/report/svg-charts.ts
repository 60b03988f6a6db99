// Charts drawn on the server as SVG, small enough to inline in an e-mail (no browser, no canvas):
// mentions over time stacked by sentiment, and share of voice as horizontal bars. Labels are
// escaped text; colours match the dashboard.
import { escapeHtml } from './escape-html.js';

export const SENTIMENT_COLORS = { negative: '#d64545', neutral: '#9aa5b1', positive: '#2f9e5b' } as const;
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
const FONT = 'font-family="Arial, Helvetica, sans-serif"';

export interface TimelinePoint {
  time: string;
  negative: number;
  neutral: number;
  positive: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Stacked bars per time bucket; x labels in the reader's time zone. */
export function timelineSvg(options: { points: TimelinePoint[]; bucket: 'hour' | 'day'; timeZone: string; width?: number; height?: number }): string {
  const width = options.width ?? 600;
  const height = options.height ?? 200;
  const left = 36;
  const bottom = 40;
  const top = 10;
  const plotW = width - left - 10;
  const plotH = height - top - bottom;
  const points = options.points;
  const max = Math.max(1, ...points.map((p) => p.negative + p.neutral + p.positive));
  const slot = plotW / Math.max(points.length, 1);
  const barW = Math.max(2, slot * 0.7);
  const format = new Intl.DateTimeFormat(
    'en-GB',
    options.bucket === 'hour'
      ? { timeZone: options.timeZone, hour: '2-digit', minute: '2-digit' }
      : { timeZone: options.timeZone, weekday: 'short', day: 'numeric' },
  );
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const parts: string[] = [];
  points.forEach((p, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let y = top + plotH;
    for (const s of SENTIMENTS) {
      if (!p[s]) continue;
      const h = (p[s] / max) * plotH;
      y -= h;
      parts.push(
        `<rect x="${round(x)}" y="${round(y)}" width="${round(barW)}" height="${round(h)}" fill="${SENTIMENT_COLORS[s]}"><title>${escapeHtml(`${format.format(Date.parse(p.time))}: ${p[s]} ${s}`)}</title></rect>`,
      );
    }
    if (i % labelEvery === 0)
      parts.push(
        `<text x="${round(left + i * slot + slot / 2)}" y="${top + plotH + 14}" font-size="10" text-anchor="middle" fill="#5f6b7a" ${FONT}>${escapeHtml(format.format(Date.parse(p.time)))}</text>`,
      );
  });
  const legend = SENTIMENTS.map(
    (s, i) =>
      `<rect x="${left + i * 90}" y="${height - 14}" width="10" height="10" fill="${SENTIMENT_COLORS[s]}"/><text x="${left + i * 90 + 14}" y="${height - 5}" font-size="11" fill="#1d2733" ${FONT}>${s}</text>`,
  ).join('');
  const axis = `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#dde3ea"/><text x="${left - 6}" y="${top + 9}" font-size="10" text-anchor="end" fill="#5f6b7a" ${FONT}>${max}</text><text x="${left - 6}" y="${top + plotH}" font-size="10" text-anchor="end" fill="#5f6b7a" ${FONT}>0</text>`;
  const empty = points.length
    ? ''
    : `<text x="${width / 2}" y="${top + plotH / 2}" font-size="12" text-anchor="middle" fill="#5f6b7a" ${FONT}>No mentions in this period</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Mentions over time by sentiment" data-chart="timeline"><title>Mentions over time by sentiment</title>${axis}${parts.join('')}${empty}${legend}</svg>`;
}

/** One bar per brand, its share of all the brands' mentions. */
export function shareOfVoiceSvg(options: { rows: { name: string; share: number | null }[]; width?: number }): string {
  const width = options.width ?? 600;
  const row = 26;
  const labelW = 150;
  const barMax = width - labelW - 60;
  const height = Math.max(row, options.rows.length * row) + 4;
  const parts = options.rows.map((r, i) => {
    const y = i * row + 4;
    const w = ((r.share ?? 0) / 100) * barMax;
    const pct = r.share === null ? '—' : `${r.share}%`;
    return `<text x="${labelW - 8}" y="${y + 14}" font-size="12" text-anchor="end" fill="#1d2733" ${FONT}>${escapeHtml(r.name)}</text><rect x="${labelW}" y="${y + 2}" width="${barMax}" height="16" fill="#f4f6f8"/><rect x="${labelW}" y="${y + 2}" width="${round(w)}" height="16" fill="#1f4e79"/><text x="${labelW + barMax + 6}" y="${y + 14}" font-size="12" fill="#1d2733" ${FONT}>${escapeHtml(pct)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Share of voice" data-chart="share-of-voice"><title>Share of voice</title>${parts.join('')}</svg>`;
}
