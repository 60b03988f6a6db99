// The contents of a report, as data: for a period and a set of brands, the headline figures and
// share of voice (brandOverview), mentions over time by sentiment in local buckets, the topics with
// the most negative mentions, languages and sources by name, the period's top alerts and its largest
// stories (written by the alerter, read through the store port). The e-mail, the webhook and `earshot report` all
// render this one object, so the scheduled and the on-demand report are the same.
import { sourceTitle, type BrandConfig, type SourceConfig } from '@earshot/config';
import { topicName } from '@earshot/nlp';
import { SEVERITIES, type Alert, type Story } from '@earshot/schema';
import {
  brandOverview,
  createZone,
  DAY_MS,
  HOUR_MS,
  zonedBucketStart,
  type BrandFigures,
  type AlertStore,
  type MentionIndex,
  type ShareOfVoice,
} from '@earshot/store';

/** A story as the report shows it. */
export interface StorySummary {
  title: string;
  size: number;
  /** Percentage (0–100) of the story's mentions that are negative. */
  negativeShare: number;
  /** Language codes. */
  languages: string[];
}

export interface ReportAlert {
  title: string;
  summary: string;
  severity: Alert['severity'];
  state: Alert['state'];
  brandId: string;
  brandName: string;
  ruleId: string;
  count: number;
  openedAt: string;
}

export interface ReportData {
  title: string;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  timeZone: string;
  brands: (BrandFigures & { name: string })[];
  shareOfVoice: (ShareOfVoice & { name: string })[];
  /** Mentions of the report's brands per local hour (periods up to 2 days) or local day. */
  timeline: { bucket: 'hour' | 'day'; points: { time: string; negative: number; neutral: number; positive: number }[] };
  /** Topics by negative mentions, most first. */
  topics: { id: string; name: string; negative: number; total: number }[];
  languages: { code: string; name: string; count: number }[];
  sources: { id: string; title: string; count: number }[];
  alerts: ReportAlert[];
  /** The period's largest stories of the report's brands. */
  stories: StorySummary[];
}

export interface BuildReportOptions {
  store: MentionIndex & AlertStore;
  brands: BrandConfig[];
  sources: SourceConfig[];
  /** The brands the report is about (default: all); share of voice always compares every brand. */
  brandIds?: string[];
  period: { from: number; to: number };
  timeZone: string;
  /** Which alerts this reader wants (a subscription's brand, rule and severity); default all. */
  alertFilter?: (alert: Alert) => boolean;
  /** Most alerts / topics / languages / sources listed. */
  limit?: number;
}

/** "daily report" for a day (23–25 hours with clock changes), "weekly report" for a week, else "report". */
function periodName(ms: number): string {
  if (Math.abs(ms - DAY_MS) <= HOUR_MS) return 'daily report';
  if (Math.abs(ms - 7 * DAY_MS) <= HOUR_MS) return 'weekly report';
  return 'report';
}

/** The alerts a reader should see first: most severe, still open, most mentions. */
function rankAlerts(a: Alert, b: Alert): number {
  return (
    SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
    (a.state === b.state ? 0 : a.state === 'open' ? -1 : 1) ||
    b.count - a.count ||
    (a.openedAt < b.openedAt ? 1 : -1)
  );
}

function storySummary(story: Story): StorySummary {
  const { negative, neutral, positive } = story.sentiment;
  const total = negative + neutral + positive;
  return {
    title: story.title,
    size: story.size,
    negativeShare: total ? Math.round((100 * negative) / total) : 0,
    languages: Object.entries(story.languages)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([code]) => code),
  };
}

export async function buildReport(options: BuildReportOptions): Promise<ReportData> {
  const { store, period, timeZone } = options;
  const limit = options.limit ?? 8;
  const names = new Map(options.brands.map((b) => [b.id, b.name]));
  const subject = options.brandIds?.length ? options.brandIds : options.brands.map((b) => b.id);
  const filter = { brandId: subject, from: period.from, to: period.to };
  const bucket = period.to - period.from <= 2 * DAY_MS ? 'hour' : 'day';
  const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
  const sourceTitles = new Map(options.sources.map((s) => [s.id, sourceTitle(s)]));

  const [overview, overTime, topics, languages, sources, alerts, stories] = await Promise.all([
    brandOverview(store, { brandIds: options.brands.map((b) => b.id), from: period.from, to: period.to }),
    store.aggregate({ filter, groupBy: ['sentiment'], interval: bucket === 'hour' ? HOUR_MS : DAY_MS, timeZone, size: 10_000 }),
    store.aggregate({ filter, groupBy: ['topic', 'sentiment'], size: 500 }),
    store.aggregate({ filter, groupBy: ['lang'], size: limit }),
    store.aggregate({ filter, groupBy: ['sourceId'], size: limit }),
    store.listAlerts({ limit: 1000 }), // the 1000 most recently updated: a report period ends now, or at its schedule
    store.searchStories({ brandId: subject, from: period.from, to: period.to, sort: 'size', limit }),
  ]);

  // Every local bucket of the period, empty ones too, so the chart's x axis is time.
  const points = new Map<number, { negative: number; neutral: number; positive: number }>();
  const zone = createZone(timeZone);
  const step = bucket === 'hour' ? HOUR_MS : DAY_MS;
  for (let t = zonedBucketStart(zone, period.from, step); t < period.to; t = zonedBucketStart(zone, t + step + (step === DAY_MS ? HOUR_MS : 0), step)) {
    points.set(t, { negative: 0, neutral: 0, positive: 0 });
  }
  for (const b of overTime) {
    const point = points.get(b.time!) ?? { negative: 0, neutral: 0, positive: 0 };
    const label = b.keys.sentiment as keyof typeof point;
    if (label in point) point[label] += b.count;
    points.set(b.time!, point);
  }
  const topicCounts = new Map<string, { negative: number; total: number }>();
  for (const b of topics) {
    const t = topicCounts.get(b.keys.topic ?? '') ?? { negative: 0, total: 0 };
    t.total += b.count;
    if (b.keys.sentiment === 'negative') t.negative += b.count;
    topicCounts.set(b.keys.topic ?? '', t);
  }
  const inPeriod = (a: Alert) => subject.includes(a.brandId) && Date.parse(a.openedAt) < period.to && Date.parse(a.updatedAt) >= period.from;
  const wanted = alerts.filter((a) => inPeriod(a) && (options.alertFilter?.(a) ?? true)).sort(rankAlerts);
  const label = (code: string) => (code === 'und' || !code ? 'Unknown language' : (languageNames.of(code) ?? code));
  const subjectNames = subject.map((id) => names.get(id) ?? id);

  return {
    title: `${subjectNames.join(', ')}: ${periodName(period.to - period.from)}`,
    period: overview.period,
    previousPeriod: overview.previousPeriod,
    timeZone,
    brands: overview.brands.filter((b) => subject.includes(b.brandId)).map((b) => ({ ...b, name: names.get(b.brandId) ?? b.brandId })),
    shareOfVoice: overview.shareOfVoice.map((s) => ({ ...s, name: names.get(s.brandId) ?? s.brandId })),
    timeline: { bucket, points: [...points].sort(([a], [b]) => a - b).map(([time, p]) => ({ time: new Date(time).toISOString(), ...p })) },
    topics: [...topicCounts]
      .map(([id, c]) => ({ id, name: topicName(id), ...c }))
      .sort((a, b) => b.negative - a.negative || b.total - a.total || a.id.localeCompare(b.id))
      .slice(0, limit),
    languages: languages.map((b) => ({ code: b.keys.lang ?? '', name: label(b.keys.lang ?? ''), count: b.count })),
    sources: sources.map((b) => ({ id: b.keys.sourceId ?? '', title: sourceTitles.get(b.keys.sourceId ?? '') ?? b.keys.sourceId ?? '', count: b.count })),
    alerts: wanted.slice(0, limit).map((a) => ({
      title: a.title,
      summary: a.summary,
      severity: a.severity,
      state: a.state,
      brandId: a.brandId,
      brandName: names.get(a.brandId) ?? a.brandId,
      ruleId: a.ruleId,
      count: a.count,
      openedAt: a.openedAt,
    })),
    stories: stories.stories.map(storySummary),
  };
}
