// The mention feed: newest first, live arrivals highlighted. Every piece of mention text goes into the
// page as a text node (Preact never parses strings as HTML), with dir="auto" so Hebrew reads
// right-to-left; links out only for http(s) URLs.
import { html } from './html.js';

const SENTIMENT_LABEL = { positive: 'positive', neutral: 'neutral', negative: 'negative' };
const ACCOUNT_LABEL = { 'by-brand': "brand's own post", 'to-brand': 'to the brand' };

export const safeHref = (url) => (/^https?:\/\//i.test(url || '') ? url : undefined);

export function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function MentionCard({ mention, fresh, brandName, labels }) {
  const { nlp } = mention;
  const href = safeHref(mention.url);
  const when = mention.publishedAt || mention.collectedAt;
  return html` <li class=${`mention sentiment-${nlp.sentiment.label}${fresh ? ' fresh' : ''}`} data-testid="mention" data-id=${mention.id}>
    <div class="mention-head">
      <span class=${`badge sentiment-${nlp.sentiment.label}`} data-testid="sentiment">${SENTIMENT_LABEL[nlp.sentiment.label] || nlp.sentiment.label}</span>
      ${nlp.signals.warning ? html`<span class="badge warning" title="warns others">word-of-mouth warning</span>` : null}
      ${nlp.signals.recommendation ? html`<span class="badge recommendation">recommends</span>` : null}
      ${ACCOUNT_LABEL[mention.brandAccount] ? html`<span class="badge account" data-testid="account">${ACCOUNT_LABEL[mention.brandAccount]}</span>` : null}
      ${
        mention.shortened === 'text'
          ? html`<span
              class="badge shortened"
              title="too long for one message: the collector kept its start; open the link for the rest"
              data-testid="shortened"
              >cut short</span
            >`
          : null
      }
      ${
        nlp.readChars
          ? html`<span
              class="badge shortened"
              title=${`longer than the analysis reads: its sentiment and topics rest on its first ${nlp.readChars.toLocaleString()} characters`}
              data-testid="read-chars"
              >judged on its start</span
            >`
          : null
      }
      <span class="lang" title=${`language: ${nlp.lang}`} data-testid="lang">${labels.lang(nlp.lang)}</span>
      <span class="brand">${brandName}</span>
      <time datetime=${when}>${formatTime(when)}</time>
    </div>
    <h3 dir="auto" class="mention-title" data-testid="mention-title">${mention.title}</h3>
    <p dir="auto" class="mention-text" data-testid="mention-text">${mention.text}</p>
    <div class="mention-foot">
      ${nlp.topics.map((t) => html`<span class=${`topic sentiment-${t.sentiment.label}`} title=${`${t.topic}: ${t.sentiment.label}`} data-testid="topic">${labels.topic(t.topic)}</span>`)}
      <span class="source" title=${mention.sourceId} data-testid="source">${labels.source(mention.sourceId)}</span>
      ${mention.author ? html`<span class="author" dir="auto">${mention.author}</span>` : null}
      ${href ? html`<a class="open" href=${href} target="_blank" rel="noopener noreferrer nofollow">open ↗</a>` : null}
    </div>
  </li>`;
}

export function Feed({ mentions, fresh, total, brands, labels, loading, error }) {
  const names = Object.fromEntries(brands.map((b) => [b.id, b.name]));
  return html` <section class="panel feed" aria-label="Mentions">
    <header class="panel-head">
      <h2>Mentions</h2>
      <span class="count" data-testid="total">${loading ? '…' : `${total} found`}</span>
    </header>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${!loading && !mentions.length && !error ? html`<p class="empty">No mentions match these filters yet. New ones appear here as they arrive.</p>` : null}
    <ul class="mentions" data-testid="feed">
      ${mentions.map((m) => html`<${MentionCard} key=${m.id} mention=${m} fresh=${fresh.has(m.id)} brandName=${names[m.brandId] || m.brandId} labels=${labels} />`)}
    </ul>
  </section>`;
}
