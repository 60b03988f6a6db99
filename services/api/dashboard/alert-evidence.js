// Why an alert fired, under the alert in the log: how far above normal, the phrases and topics that
// stand out against the baseline, languages and sources, and the mentions driving it. All of it is
// user text and goes into the page as text nodes; links out only for http(s) URLs.
import { safeHref } from './feed.js';
import { html } from './html.js';

const terms = (list) => list.map((t) => `${t.term} ${t.count}${t.baselineCount === 0 ? ' (new)' : ` (×${t.lift})`}`).join(' · ');
const shares = (list) => list.map((s) => `${s.key} ${s.count}`).join(' · ');

function volume(e) {
  const { count, baselineMean, ratio } = e.volume;
  return ratio === null ? `${count} in the window; no baseline yet` : `${count} in the window, ${ratio}× the usual ${baselineMean}`;
}

function Fact({ label, value, id }) {
  return value
    ? html`<div class="evidence-fact">
        <dt>${label}</dt>
        <dd dir="auto" data-testid=${id}>${value}</dd>
      </div>`
    : null;
}

function DrivingMention({ mention }) {
  const href = safeHref(mention.url);
  const facts = [mention.sentiment, mention.reach !== undefined ? `reach ${mention.reach}` : '', mention.sourceId, mention.lang].filter(Boolean).join(' · ');
  return html` <li data-testid="evidence-mention" data-id=${mention.id}>
    ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer" dir="auto">${mention.title}</a>` : html`<span dir="auto">${mention.title}</span>`}
    <span class="muted"> ${facts}</span>
    <q dir="auto">${mention.excerpt}</q>
  </li>`;
}

export function AlertEvidence({ evidence }) {
  if (!evidence) return null;
  return html` <details class="evidence" data-testid="evidence" open>
    <summary>Why</summary>
    <dl>
      <${Fact} label="Volume" value=${volume(evidence)} id="evidence-volume" />
      <${Fact} label="Phrases" value=${terms(evidence.phrases)} id="evidence-phrases" />
      <${Fact} label="Topics" value=${terms(evidence.topics)} id="evidence-topics" />
      <${Fact} label="Languages" value=${shares(evidence.languages)} id="evidence-languages" />
      <${Fact} label="Sources" value=${shares(evidence.sources)} id="evidence-sources" />
    </dl>
    ${
      evidence.mentions.length
        ? html`<ul class="evidence-mentions">
            ${evidence.mentions.map((m) => html`<${DrivingMention} key=${m.id} mention=${m} />`)}
          </ul>`
        : null
    }
  </details>`;
}
