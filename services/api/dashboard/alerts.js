// The alert log: open alerts first, with acknowledge and silence buttons for admin tokens.
import { useState } from 'preact/hooks';
import { AlertEvidence } from './alert-evidence.js';
import { formatTime } from './feed.js';
import { html } from './html.js';

function AlertItem({ alert, admin, onAcknowledge, onSilence }) {
  const [busy, setBusy] = useState(false);
  const act = async (fn) => {
    setBusy(true);
    try {
      await fn(alert);
    } finally {
      setBusy(false);
    }
  };
  return html` <li class=${`alert severity-${alert.severity} state-${alert.state}`} data-testid="alert" data-key=${alert.key}>
    <div class="alert-head">
      <span class=${`badge severity-${alert.severity}`}>${alert.severity}</span>
      <span class="state">${alert.state}</span>
      <time datetime=${alert.updatedAt}>${formatTime(alert.updatedAt)}</time>
    </div>
    <h3 dir="auto">${alert.title}</h3>
    <p dir="auto">${alert.summary}</p>
    <${AlertEvidence} evidence=${alert.evidence} />
    <div class="alert-foot">
      ${
        alert.acknowledgedAt
          ? html`<span class="acked" data-testid="acknowledged">Acknowledged by ${alert.acknowledgedBy} · ${formatTime(alert.acknowledgedAt)}</span>`
          : admin
            ? html`<button type="button" disabled=${busy} onClick=${() => act(onAcknowledge)} data-testid="acknowledge">Acknowledge</button>`
            : html`<span class="muted">Not acknowledged</span>`
      }
      ${admin ? html`<button type="button" class="secondary" disabled=${busy} onClick=${() => act(onSilence)} title="Silence this rule for this brand for 1 hour">Silence 1h</button>` : null}
    </div>
  </li>`;
}

export function AlertLog({ alerts, admin, onAcknowledge, onSilence, message }) {
  const sorted = [...alerts].sort((a, b) => (a.state === b.state ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.state === 'open' ? -1 : 1));
  return html` <section class="panel alerts" aria-label="Alerts">
    <header class="panel-head">
      <h2>Alerts</h2>
      <span class="count">${alerts.filter((a) => a.state === 'open').length} open</span>
    </header>
    ${message ? html`<p class="notice" role="status">${message}</p>` : null} ${alerts.length ? null : html`<p class="empty">No alerts.</p>`}
    <ul class="alert-list" data-testid="alerts">
      ${sorted.map((a) => html`<${AlertItem} key=${a.key} alert=${a} admin=${admin} onAcknowledge=${onAcknowledge} onSilence=${onSilence} />`)}
    </ul>
  </section>`;
}
