// @earshot/alerter: rules evaluated on the stream of enriched mentions; alerts stored and published.
export { createAlerter, type Alerter, type AlerterOptions } from './alerter.js';
export { createAlertEngine, type AlertEngine, type AlertEngineOptions } from './engine.js';
export { advance, alertKey, realertInterval, type AlertChange, type TrackedAlert } from './lifecycle.js';
export { warmStartBrand } from './warm-start.js';
