// The stories panel: what people are talking about, not row by row — each story (mentions of a brand
// grouped by what they tell) with its title, size, velocity, sentiment mix, languages and sources.
// Follows the dashboard's brand, text, sentiment (the story's dominant one), language and period
// filters; refreshes every 15 s. Titles are text nodes with dir="auto", like all mention text.
import { useEffect, useState } from 'preact/hooks';
import { api, toQuery } from './api-client.js';
import { formatTime } from './feed.js';
import { html } from './html.js';

const REFRESH_MS = 15_000;
const SHOWN = 8;

function SentimentMix({ sentiment }) {
  const total = sentiment.negative + sentiment.neutral + sentiment.positive || 1;
  const pct = (n) => Math.round((100 * n) / total);
  return html` <span
      class="story-mix"
      title=${`${sentiment.negative} negative, ${sentiment.neutral} neutral, ${sentiment.positive} positive`}
      data-testid="story-mix"
    >
      ${['negative', 'neutral', 'positive'].map((label) => (sentiment[label] ? html`<span class=${`mix-${label}`} style=${{ flexGrow: String(sentiment[label]) }}></span>` : null))}
    </span>
    <span class="story-neg" data-testid="story-negative">${pct(sentiment.negative)}% negative</span>`;
}

function StoryItem({ story }) {
  const languages = Object.keys(story.languages);
  const sources = Object.keys(story.sources).length;
  return html` <li class=${`story sentiment-${story.dominantSentiment}`} data-testid="story" data-id=${story.id}>
    <div class="story-head">
      <span class="story-size" data-testid="story-size" title="mentions in the story">${story.size}</span>
      <h3 dir="auto" data-testid="story-title">${story.title}</h3>
    </div>
    <div class="story-foot">
      <${SentimentMix} sentiment=${story.sentiment} />
      <span data-testid="story-velocity" title="mentions in the hour up to the last one">${story.velocity}/h</span>
      <span class="lang" data-testid="story-langs">${languages.join(' · ')}</span>
      <span>${sources} source${sources === 1 ? '' : 's'}</span>
      <time datetime=${story.lastSeen}>${formatTime(story.lastSeen)}</time>
    </div>
    ${story.keyTerms.length ? html`<p class="story-terms" dir="auto">${story.keyTerms.slice(0, 5).join(' · ')}</p>` : null}
  </li>`;
}

export function StoriesPanel({ filter }) {
  const [state, setState] = useState({ stories: [], total: 0, error: '' });
  const query = toQuery({ brand: filter.brand, q: filter.q, sentiment: filter.sentiment, lang: filter.lang, since: filter.since, limit: SHOWN });
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      api(`/api/v1/stories?${query}`).then(
        (r) => !cancelled && setState({ stories: r.stories, total: r.total, error: '' }),
        (err) => !cancelled && setState((s) => ({ ...s, error: err.message })),
      );
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [query]);
  return html` <section class="panel stories" aria-label="Stories">
    <header class="panel-head">
      <h2>Stories</h2>
      <span class="count" data-testid="stories-total">${state.total} stories</span>
    </header>
    ${state.error ? html`<p class="error" role="alert">${state.error}</p>` : null}
    ${!state.error && !state.stories.length ? html`<p class="empty">No stories yet.</p>` : null}
    <ul class="story-list" data-testid="stories">
      ${state.stories.map((s) => html`<${StoryItem} key=${s.id} story=${s} />`)}
    </ul>
  </section>`;
}
