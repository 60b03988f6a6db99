// What `earshot report` renders with, loaded by commands/report.ts when the command runs; imported
// through this file rather than by a dynamic import of @earshot/notifier, for the reason nlp-run.ts gives.
export { buildReport, renderReportHtml, renderReportText } from '@earshot/notifier';
