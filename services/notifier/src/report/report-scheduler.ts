// Scheduled reports: for each subscription with `report: { schedule, hour, timeZone }`, the time
// the last report went out is kept in the store's state; when the next scheduled time has passed,
// the report for the period up to it is built from the store and handed over for delivery (delivery
// key `<channel>:report:<subscription>:<period end>`, so a restart never sends one twice). After a
// long stop only the latest period is reported; on a first start nothing is sent for the past.
import type { EarshotConfig } from '@earshot/config';
import type { AlertStore, MentionIndex, StateStore } from '@earshot/store';
import type { Notification } from '../channels/channel.js';
import { subscriptionMatches, type Subscription } from '../subscriptions.js';
import { buildReport } from './build-report.js';
import { renderReportHtml, renderReportText } from './render-report.js';
import { latestReportTime, nextReportTime, reportPeriod } from './schedule.js';

const NAMESPACE = 'notifier-report';

interface ReportState {
  /** Epoch ms of the last scheduled time reported (or skipped at first start). */
  lastSent: number;
}

export interface DueReport {
  subscription: Subscription;
  /** The scheduled time: the end of the period reported. */
  time: number;
}

export interface ReportScheduler {
  /** Loads when each report last went out; a subscription seen for the first time starts from now. */
  load(now: number): Promise<void>;
  due(now: number): DueReport[];
  build(due: DueReport): Promise<{ channel: string; notification: Extract<Notification, { kind: 'report' }> }>;
  /** Records that this report is on its way (pending delivery), so it is not built again. */
  markSent(due: DueReport): Promise<void>;
  /** Subscription id → when its next report is due (ISO), for health. */
  upcoming(): Record<string, string>;
}

export interface ReportSchedulerOptions {
  /** Reads mentions, alerts and stories for the report; keeps its schedule as state. */
  store: MentionIndex & AlertStore & StateStore;
  config: Pick<EarshotConfig, 'brands' | 'sources'>;
  subscriptions: Subscription[];
}

const brandList = (value: string | string[], all: string[]) => {
  const list = Array.isArray(value) ? value : [value];
  return list.includes('all') ? all : list;
};

export function createReportScheduler(options: ReportSchedulerOptions): ReportScheduler {
  const subs = options.subscriptions.filter((s) => s.report);
  const states = new Map<string, ReportState>();
  const allBrands = options.config.brands.map((b) => b.id);

  return {
    async load(now) {
      for (const sub of subs) {
        const saved = await options.store.getState<ReportState>(NAMESPACE, sub.id);
        const state = saved ?? { lastSent: latestReportTime(sub.report!, now) };
        states.set(sub.id, state);
        if (!saved) await options.store.setState(NAMESPACE, sub.id, state);
      }
    },
    due(now) {
      const out: DueReport[] = [];
      for (const sub of subs) {
        const state = states.get(sub.id);
        if (!state || now < nextReportTime(sub.report!, state.lastSent)) continue;
        out.push({ subscription: sub, time: latestReportTime(sub.report!, now) });
      }
      return out;
    },
    async build({ subscription: sub, time }) {
      const schedule = sub.report!;
      const period = reportPeriod(schedule, time);
      const brandIds = brandList(sub.brand, allBrands);
      const report = await buildReport({
        store: options.store,
        brands: options.config.brands,
        sources: options.config.sources,
        brandIds,
        period,
        timeZone: schedule.timeZone,
        alertFilter: (alert) => subscriptionMatches(sub, alert),
      });
      const periodEnd = new Date(time).toISOString();
      return {
        channel: sub.channel,
        notification: {
          kind: 'report',
          deliveryKey: `${sub.channel}:report:${sub.id}:${periodEnd}`,
          subscriptionId: sub.id,
          subject: `[Earshot] ${report.title}`,
          text: renderReportText(report),
          html: renderReportHtml(report),
          report,
        },
      };
    },
    upcoming() {
      const out: Record<string, string> = {};
      for (const sub of subs) {
        const state = states.get(sub.id);
        if (state) out[sub.id] = new Date(nextReportTime(sub.report!, state.lastSent)).toISOString();
      }
      return out;
    },
    async markSent({ subscription, time }) {
      const state = { lastSent: time };
      states.set(subscription.id, state);
      await options.store.setState(NAMESPACE, subscription.id, state);
    },
  };
}
