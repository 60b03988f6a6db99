// The first figures a marketer looks for, per brand and period: volume, negative share, net
// sentiment, their change against the period just before, and each brand's share of voice among
// the brands watched. Asked through the port (two aggregations), so it is the same on every store;
// the API's overview and the scheduled report both use it.
import type { MentionFilter, MentionIndex } from '../port.js';

export interface PeriodFigures {
  volume: number;
  negative: number;
  neutral: number;
  positive: number;
  /** Negative mentions as a percentage of all (0–100, one decimal); null without mentions. */
  negativeShare: number | null;
  /** (positive − negative) / (positive + negative) × 100, from −100 to +100; null when neither occurs. */
  netSentiment: number | null;
}

export interface BrandFigures extends PeriodFigures {
  brandId: string;
  previous: PeriodFigures;
  change: {
    /** Volume change in percent of the previous volume; null when the previous period was empty. */
    volume: number | null;
    /** Change in percentage points. */
    negativeShare: number | null;
    /** Change in points. */
    netSentiment: number | null;
  };
}

export interface ShareOfVoice {
  brandId: string;
  count: number;
  /** Percentage of all mentions of the brands compared (0–100); null when there are none. */
  share: number | null;
  previousShare: number | null;
}

export interface BrandOverview {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  brands: BrandFigures[];
  shareOfVoice: ShareOfVoice[];
}

export interface BrandOverviewOptions {
  /** The brands to report on and compare, in the order to show them. */
  brandIds: string[];
  /** The period, epoch ms: [from, to). The previous period is as long and ends at `from`. */
  from: number;
  to: number;
  /** Further filters (language, source, topic…) applied to both periods. */
  filter?: Omit<MentionFilter, 'brandId' | 'from' | 'to'>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const rawPercent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);
const rawNet = (f: Pick<PeriodFigures, 'positive' | 'negative'>) =>
  f.positive + f.negative > 0 ? ((f.positive - f.negative) / (f.positive + f.negative)) * 100 : null;
const percent = (part: number, whole: number) => nullable(rawPercent(part, whole));
const nullable = (n: number | null) => (n === null ? null : round1(n));
/** Differences from the unrounded figures, rounded once. */
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round1(a - b));

function figures(counts: Map<string, number> | undefined): PeriodFigures {
  const negative = counts?.get('negative') ?? 0;
  const neutral = counts?.get('neutral') ?? 0;
  const positive = counts?.get('positive') ?? 0;
  const volume = [...(counts?.values() ?? [])].reduce((a, b) => a + b, 0);
  return { volume, negative, neutral, positive, negativeShare: percent(negative, volume), netSentiment: nullable(rawNet({ positive, negative })) };
}

async function countsByBrand(store: MentionIndex, filter: MentionFilter): Promise<Map<string, Map<string, number>>> {
  const buckets = await store.aggregate({ filter, groupBy: ['brandId', 'sentiment'], size: 10_000 });
  const out = new Map<string, Map<string, number>>();
  for (const b of buckets) {
    const brand = b.keys.brandId ?? '';
    if (!out.has(brand)) out.set(brand, new Map());
    out.get(brand)!.set(b.keys.sentiment ?? '', b.count);
  }
  return out;
}

export async function brandOverview(store: MentionIndex, options: BrandOverviewOptions): Promise<BrandOverview> {
  const { brandIds, from, to } = options;
  if (!(from < to)) throw new RangeError('brandOverview: the period must start before it ends');
  const previousFrom = from - (to - from);
  const base = { ...options.filter, brandId: brandIds };
  const [now, before] = await Promise.all([countsByBrand(store, { ...base, from, to }), countsByBrand(store, { ...base, from: previousFrom, to: from })]);
  const brands = brandIds.map((brandId): BrandFigures => {
    const current = figures(now.get(brandId));
    const previous = figures(before.get(brandId));
    return {
      brandId,
      ...current,
      previous,
      change: {
        volume: previous.volume > 0 ? round1(((current.volume - previous.volume) / previous.volume) * 100) : null,
        negativeShare: diff(rawPercent(current.negative, current.volume), rawPercent(previous.negative, previous.volume)),
        netSentiment: diff(rawNet(current), rawNet(previous)),
      },
    };
  });
  const total = brands.reduce((a, b) => a + b.volume, 0);
  const previousTotal = brands.reduce((a, b) => a + b.previous.volume, 0);
  return {
    period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    previousPeriod: { from: new Date(previousFrom).toISOString(), to: new Date(from).toISOString() },
    brands,
    shareOfVoice: brands.map((b) => ({
      brandId: b.brandId,
      count: b.volume,
      share: percent(b.volume, total),
      previousShare: percent(b.previous.volume, previousTotal),
    })),
  };
}
