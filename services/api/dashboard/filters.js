// The filter bar: brand picker, full text, sentiment, topic, language, source, whose posts, how they
// were matched, whether the collector cut them, time range, warnings, and the author picked in the
// Top authors panel. Options for topic, language and source come from what the current data contains.
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';

const RANGES = [
  ['', 'All time'],
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
];

/**
 * Whose posts, as one choice: each sets the API's brandAccount / excludeBrandAccount parameters (the
 * link keeps those, so a shared link filters the same). A link with another combination shows as such.
 */
const ACCOUNTS = [
  ['not-own', "All but the brand's own", { excludeBrandAccount: 'by-brand' }],
  ['to-brand', 'Addressed to the brand', { brandAccount: 'to-brand' }],
  ['by-brand', "The brand's own posts", { brandAccount: 'by-brand' }],
];
const accountChoice = (filter) => {
  if (!filter.brandAccount && !filter.excludeBrandAccount) return '';
  const found = ACCOUNTS.find(
    ([, , params]) => (params.brandAccount || '') === (filter.brandAccount || '') && (params.excludeBrandAccount || '') === (filter.excludeBrandAccount || ''),
  );
  return found ? found[0] : 'link';
};

const MATCHED_BY = [
  ['query', 'Brand query words'],
  ['handle', 'Brand handle or hashtag'],
  ['owned-source', "Brand's own source"],
];

/** What the collector cut from an item too large for one bus message (the mention's `shortened`). */
const SHORTENED = [
  ['text', 'Text cut short'],
  ['markup', 'Markup dropped only'],
];

/** Options from `keys`, each named by `name`, and the current value too where it is not among them (from a link). */
const withCurrent = (keys, current, name) => (current && !keys.includes(current) ? [...keys, current] : keys).map((k) => [k, name(k)]);
/** A fixed [value, label] list as options, with a value from the link that is not on it named as itself. */
const fixedChoices = (list, current) =>
  withCurrent(
    list.map(([v]) => v),
    current,
    (v) => list.find(([k]) => k === v)?.[1] ?? v,
  );

function Select({ label, value, options, onChange, testid, all = 'All' }) {
  return html` <label class="field">
    <span>${label}</span>
    <select value=${value} onChange=${(e) => onChange(e.currentTarget.value)} data-testid=${testid}>
      <option value="">${all}</option>
      ${options.map(([v, text]) => html`<option value=${v}>${text}</option>`)}
    </select>
  </label>`;
}

export function Filters({ filter, brands, facets, labels, onChange, onExport }) {
  const [text, setText] = useState(filter.q || '');
  useEffect(() => setText(filter.q || ''), [filter.q]);
  const set = (key) => (value) => onChange({ ...filter, [key]: value });
  const account = accountChoice(filter);
  return html` <form
    class="filters"
    onSubmit=${(e) => {
      e.preventDefault();
      onChange({ ...filter, q: text.trim() });
    }}
    role="search"
  >
    <${Select}
      label="Brand"
      value=${filter.brand || ''}
      options=${brands.map((b) => [b.id, b.name])}
      onChange=${set('brand')}
      testid="brand-picker"
      all="All brands"
    />
    <label class="field grow">
      <span>Search</span>
      <input
        type="search"
        value=${text}
        dir="auto"
        placeholder=${'words or "a phrase"'}
        onInput=${(e) => setText(e.currentTarget.value)}
        data-testid="search"
      />
    </label>
    <${Select}
      label="Sentiment"
      value=${filter.sentiment || ''}
      options=${[
        ['negative', 'Negative'],
        ['neutral', 'Neutral'],
        ['positive', 'Positive'],
      ]}
      onChange=${set('sentiment')}
      testid="sentiment-filter"
    />
    <${Select}
      label="Topic"
      value=${filter.topic || ''}
      options=${withCurrent(facets.topics, filter.topic, labels.topic)}
      onChange=${set('topic')}
      testid="topic-filter"
    />
    <${Select}
      label="Language"
      value=${filter.lang || ''}
      options=${withCurrent(facets.languages, filter.lang, labels.lang)}
      onChange=${set('lang')}
      testid="lang-filter"
    />
    <${Select}
      label="Source"
      value=${filter.source || ''}
      options=${withCurrent(facets.sources, filter.source, labels.source)}
      onChange=${set('source')}
      testid="source-filter"
    />
    <label class="field">
      <span>Posts</span>
      <select
        value=${account}
        onChange=${(e) => {
          const chosen = ACCOUNTS.find(([v]) => v === e.currentTarget.value);
          onChange({ ...filter, brandAccount: '', excludeBrandAccount: '', ...(chosen ? chosen[2] : {}) });
        }}
        data-testid="account-filter"
      >
        <option value="">Everyone's</option>
        ${ACCOUNTS.map(([v, text]) => html`<option value=${v}>${text}</option>`)}
        ${account === 'link' ? html`<option value="link" disabled>The accounts in the link</option>` : null}
      </select>
    </label>
    <${Select}
      label="Matched by"
      value=${filter.matchedBy || ''}
      options=${fixedChoices(MATCHED_BY, filter.matchedBy)}
      onChange=${set('matchedBy')}
      testid="matched-by-filter"
    />
    <${Select}
      label="Shortened"
      value=${filter.shortened || ''}
      options=${fixedChoices(SHORTENED, filter.shortened)}
      onChange=${set('shortened')}
      testid="shortened-filter"
      all="Whole or cut"
    />
    <label class="field">
      <span>Time</span>
      <select
        value=${filter.since || (filter.from || filter.to ? 'period' : '')}
        onChange=${(e) => onChange({ ...filter, since: e.currentTarget.value, from: '', to: '' })}
        data-testid="range-filter"
      >
        ${RANGES.map(([v, t]) => html`<option value=${v}>${t}</option>`)}
        ${filter.from || filter.to ? html`<option value="period" disabled>The period in the link</option>` : null}
      </select>
    </label>
    ${
      filter.author
        ? html`<span class="field">
            <span>Author</span>
            <button type="button" class="chip" dir="auto" title="show every author again" onClick=${() => set('author')('')} data-testid="author-filter">
              ${filter.author} ×
            </button>
          </span>`
        : null
    }
    <label class="check"
      ><input
        type="checkbox"
        checked=${filter.signal === 'warning'}
        onChange=${(e) => set('signal')(e.currentTarget.checked ? 'warning' : '')}
        data-testid="warnings-filter"
      />
      Warnings only</label
    >
    <div class="actions">
      <button type="submit">Search</button>
      <button type="button" class="secondary" onClick=${() => onExport('csv')} data-testid="export-csv">CSV</button>
      <button type="button" class="secondary" onClick=${() => onExport('ndjson')}>NDJSON</button>
    </div>
  </form>`;
}
