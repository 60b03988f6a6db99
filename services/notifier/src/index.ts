// @earshot/notifier: alerts delivered to subscribers on webhook, Slack and e-mail channels.
export { createNotifier, type Notifier, type NotifierOptions } from './notifier.js';
export { signPayload, verifySignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, IDEMPOTENCY_HEADER } from './sign-payload.js';
export type { Notification, ChannelSender } from './channels/channel.js';
export { buildReport, type BuildReportOptions, type ReportData, type StorySummary } from './report/build-report.js';
export { renderReportHtml, renderReportText } from './report/render-report.js';
