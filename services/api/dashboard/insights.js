// The marketer's first look: headline figures per brand for the period (mentions, negative share,
// net sentiment, each with its change against the period before) and share of voice across the
// configured brands. Figures come from /api/v1/overview; times are shown in the reader's zone.
import { html } from './html.js';

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

function periodLabel(period) {
  if (!period) return '';
  const opts = { dateStyle: 'medium', timeStyle: 'short' };
  return `${new Date(period.from).toLocaleString(undefined, opts)} – ${new Date(period.to).toLocaleString(undefined, opts)}`;
}

/** ▲/▼ with the change; `upIsGood` colours it (more negative share is bad news). */
function Change({ value, unit, upIsGood, testid }) {
  if (value === null || value === undefined)
    return html`<span class="change none" data-testid=${testid} title="nothing to compare with">no earlier data</span>`;
  if (value === 0) return html`<span class="change flat" data-testid=${testid}>± 0${unit}</span>`;
  const good = value > 0 === upIsGood;
  return html`<span class=${`change ${good ? 'good' : 'bad'}`} data-testid=${testid}>${value > 0 ? '▲' : '▼'} ${signed.format(value)}${unit}</span>`;
}

function Figure({ label, value, change, unit, upIsGood, testid }) {
  return html` <div class="figure">
    <dt>${label}</dt>
    <dd data-testid=${testid}>${value}</dd>
    <dd><${Change} value=${change} unit=${unit} upIsGood=${upIsGood} testid=${`${testid}-change`} /></dd>
  </div>`;
}

export function Headlines({ overview, error }) {
  return html` <section class="panel headlines" aria-label="Headline figures" data-testid="headlines">
    <header class="panel-head">
      <h2>Headline figures</h2>
      <span class="count" data-testid="period">${periodLabel(overview?.period)}${overview ? ' · change vs the period before' : ''}</span>
    </header>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <div class="cards">
      ${(overview?.brands ?? []).map(
        (b) =>
          html` <article class="card" data-testid="headline" data-brand=${b.brandId}>
            <h3>${b.name}</h3>
            <dl>
              <${Figure} label="Mentions" value=${number.format(b.volume)} change=${b.change.volume} unit="%" upIsGood=${true} testid="volume" />
              <${Figure}
                label="Negative share"
                value=${b.negativeShare === null ? '—' : `${number.format(b.negativeShare)}%`}
                change=${b.change.negativeShare}
                unit=" pts"
                upIsGood=${false}
                testid="negative-share"
              />
              <${Figure}
                label="Net sentiment"
                value=${b.netSentiment === null ? '—' : signed.format(b.netSentiment)}
                change=${b.change.netSentiment}
                unit=" pts"
                upIsGood=${true}
                testid="net-sentiment"
              />
            </dl>
          </article>`,
      )}
    </div>
  </section>`;
}

export function ShareOfVoice({ overview }) {
  const rows = overview?.shareOfVoice ?? [];
  return html` <section class="panel share-of-voice" aria-label="Share of voice" data-testid="share-of-voice">
    <header class="panel-head">
      <h2>Share of voice</h2>
      <span class="count">mentions of each brand, of all the brands watched</span>
    </header>
    ${rows.every((r) => r.share === null) ? html`<p class="empty">No mentions in this period.</p>` : null}
    <ul>
      ${rows.map(
        (r) =>
          html` <li data-testid="sov" data-brand=${r.brandId}>
            <span class="key">${r.name}</span>
            <span class="bar"><span class="fill" style=${{ width: `${r.share ?? 0}%` }}></span></span>
            <span class="n" data-testid="sov-share">${r.share === null ? '—' : `${number.format(r.share)}%`}</span>
            <${Change}
              value=${r.share === null || r.previousShare === null ? null : Math.round((r.share - r.previousShare) * 10) / 10}
              unit=" pts"
              upIsGood=${true}
              testid="sov-change"
            />
          </li>`,
      )}
    </ul>
  </section>`;
}
