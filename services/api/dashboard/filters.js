// The filter bar: brand picker, full text, sentiment, topic, language, source, time range, warnings.
// Options for topic, language and source come from what the current data contains.
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';

const RANGES = [
  ['', 'All time'],
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
];

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
  const withCurrent = (keys, current, name) => (current && !keys.includes(current) ? [...keys, current] : keys).map((k) => [k, name(k)]);
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
