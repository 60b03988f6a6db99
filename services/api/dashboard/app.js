// The Earshot dashboard: sign in with a token, pick a brand and filters, watch mentions arrive live,
// read the charts, acknowledge alerts. State lives here; panels are in their own modules.
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AlertLog } from './alerts.js';
import { api, ApiError, clearToken, getToken, openStream, setToken, takeTokenFromFragment, toQuery } from './api-client.js';
import { Breakdown, SentimentOverTime, TopicsBySentiment } from './charts.js';
import { Feed } from './feed.js';
import { Filters } from './filters.js';
import { StoriesPanel } from './stories.js';
import { html } from './html.js';
import { Headlines, ShareOfVoice } from './insights.js';
import { makeLabels, readerTimeZone } from './labels.js';

const FILTER_KEYS = [
  'brand',
  'q',
  'sentiment',
  'topic',
  'lang',
  'source',
  'author',
  'brandAccount',
  'excludeBrandAccount',
  'matchedBy',
  'shortened',
  'since',
  'signal',
  'from',
  'to',
];
/** The filters the overview takes (its figures are about all sentiments and every mention). */
const OVERVIEW_KEYS = ['brand', 'topic', 'lang', 'source', 'since', 'from', 'to'];
const FEED_SIZE = 50;

function filterFromUrl() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FILTER_KEYS.filter((k) => params.get(k)).map((k) => [k, params.get(k)]));
}

function Login({ onToken, message }) {
  const [value, setValue] = useState('');
  return html` <main class="login">
    <form
      onSubmit=${(e) => {
        e.preventDefault();
        if (value.trim()) onToken(value.trim());
      }}
    >
      <h1>Earshot</h1>
      <p>Enter an API token (the <code>api.tokens</code> of your config; <code>npm start</code> prints a link with one).</p>
      ${message ? html`<p class="error" role="alert">${message}</p>` : null}
      <input
        type="password"
        autocomplete="current-password"
        placeholder="API token"
        value=${value}
        onInput=${(e) => setValue(e.currentTarget.value)}
        data-testid="token-input"
      />
      <button type="submit">Open the dashboard</button>
    </form>
  </main>`;
}

function Dashboard({ me, onSignOut }) {
  const [brands, setBrands] = useState([]);
  const [filter, setFilter] = useState(filterFromUrl);
  const [result, setResult] = useState({ mentions: [], total: 0, loading: true, error: '' });
  const [fresh, setFresh] = useState(() => new Set());
  const [aggs, setAggs] = useState(null);
  const [alerts, setAlerts] = useState([]);
  const [alertMessage, setAlertMessage] = useState('');
  const [live, setLive] = useState('connecting');
  const [facets, setFacets] = useState({ topics: [], languages: [], sources: [] });
  const [labels, setLabels] = useState(() => makeLabels(undefined));
  const [overview, setOverview] = useState({ data: null, error: '' });
  const timeZone = readerTimeZone();
  const refreshTimer = useRef(undefined);
  const admin = me.role === 'admin';

  const loadAggregations = useCallback(async (f) => {
    const data = await api(`/api/v1/aggregations?${toQuery({ ...f, timeZone })}`);
    setAggs(data);
    setFacets((old) => ({
      topics: [...new Set([...old.topics, ...data.topicsBySentiment.map((t) => t.topic)])].sort(),
      languages: [...new Set([...old.languages, ...data.languages.map((l) => l.key)])].filter(Boolean).sort(),
      sources: [...new Set([...old.sources, ...data.sources.map((s) => s.key)])].sort(),
    }));
  }, []);

  useEffect(() => {
    api('/api/v1/brands').then(
      (r) => setBrands(r.brands),
      () => {},
    );
    api('/api/v1/labels').then(
      (r) => setLabels(makeLabels(r)),
      () => {},
    );
    api('/api/v1/alerts?limit=50').then(
      (r) => setAlerts(r.alerts),
      () => {},
    );
  }, []);

  useEffect(() => {
    const query = toQuery(filter);
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    let cancelled = false;
    const { q, ...withoutText } = filter;
    setResult((r) => ({ ...r, loading: true, error: '' }));
    api(`/api/v1/mentions?${toQuery({ ...filter, limit: FEED_SIZE })}`).then(
      (r) => !cancelled && setResult({ mentions: r.mentions, total: r.total, loading: false, error: '' }),
      (err) => !cancelled && setResult({ mentions: [], total: 0, loading: false, error: err.message }),
    );
    loadAggregations(withoutText).catch(() => {});
    const overviewQuery = toQuery(Object.fromEntries(OVERVIEW_KEYS.filter((k) => filter[k]).map((k) => [k, filter[k]])));
    const loadOverview = () =>
      api(`/api/v1/overview?${overviewQuery}`).then(
        (data) => !cancelled && setOverview({ data, error: '' }),
        (err) => !cancelled && setOverview({ data: null, error: err.message }),
      );
    loadOverview();
    const close = openStream(filter, {
      onState: setLive,
      onEvent: (type, data) => {
        if (type === 'alert') {
          setAlerts((list) => [data, ...list.filter((a) => a.key !== data.key)]);
          return;
        }
        setResult((r) => ({
          ...r,
          total: r.mentions.some((m) => m.id === data.id) ? r.total : r.total + 1,
          mentions: [data, ...r.mentions.filter((m) => m.id !== data.id)].slice(0, 200),
        }));
        setFresh((s) => new Set(s).add(data.id));
        clearTimeout(refreshTimer.current);
        refreshTimer.current = setTimeout(() => {
          loadAggregations(withoutText).catch(() => {});
          loadOverview();
        }, 2500); // after the indexer has stored it
      },
    });
    return () => {
      cancelled = true;
      close();
      clearTimeout(refreshTimer.current);
    };
  }, [JSON.stringify(filter)]);

  const acknowledge = async (alert) => {
    try {
      // 202: the alerter applies the command and republishes the alert (the live stream brings it);
      // show it acknowledged now, as the alerter will record it.
      const command = await api(`/api/v1/alerts/${encodeURIComponent(alert.key)}/acknowledge`, { method: 'POST', body: {} });
      setAlerts((list) =>
        list.map((a) => (a.key === command.alertKey && !a.acknowledgedAt ? { ...a, acknowledgedAt: command.at, acknowledgedBy: command.by } : a)),
      );
      setAlertMessage('');
    } catch (err) {
      setAlertMessage(`Could not acknowledge: ${err.message}`);
    }
  };
  const silence = async (alert) => {
    try {
      const s = await api('/api/v1/silences', { method: 'POST', body: { alertKey: alert.key, duration: '1h', reason: 'silenced from the dashboard' } });
      setAlertMessage(`Rule ${alert.ruleId} silenced for ${alert.brandId} until ${new Date(s.until).toLocaleTimeString()}.`);
    } catch (err) {
      setAlertMessage(`Could not silence: ${err.message}`);
    }
  };
  const exportAs = async (format) => {
    const res = await api(`/api/v1/mentions/export?${toQuery({ ...filter, format })}`, { raw: true });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await res.blob());
    link.download = `earshot-mentions.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  /** The filter bar's and the panels' changes, without the emptied keys. */
  const update = (f) => setFilter(Object.fromEntries(Object.entries(f).filter(([, v]) => v)));
  /** A breakdown's key as a filter (or none, for the key already picked). */
  const pick = (key) => (value) => update({ ...filter, [key]: value });

  return html` <header class="top">
      <h1>Earshot</h1>
      <span class=${`live live-${live}`} data-testid="live-state" data-state=${live}>${live === 'live' ? '● live' : '○ connecting…'}</span>
      <span class="tz" data-testid="time-zone" title="times and chart buckets are in this time zone">${timeZone}</span>
      <span class="who">${me.name} · ${me.role}</span>
      <button type="button" class="link" onClick=${onSignOut}>Sign out</button>
    </header>
    <${Filters}
      filter=${filter}
      brands=${brands}
      facets=${facets}
      labels=${labels}
      onChange=${update}
      onExport=${(fmt) => exportAs(fmt).catch((e) => setResult((r) => ({ ...r, error: e.message })))}
    />
    <div class="insights">
      <${Headlines} overview=${overview.data} error=${overview.error} />
      <${ShareOfVoice} overview=${overview.data} />
    </div>
    <main class="grid">
      <${Feed}
        mentions=${result.mentions}
        fresh=${fresh}
        total=${result.total}
        brands=${brands}
        labels=${labels}
        loading=${result.loading}
        error=${result.error}
      />
      <div class="side">
        <${SentimentOverTime} data=${aggs} />
        <${TopicsBySentiment} data=${aggs} labels=${labels} />
        <${StoriesPanel} filter=${filter} />
        <${AlertLog} alerts=${alerts} admin=${admin} onAcknowledge=${acknowledge} onSilence=${silence} message=${alertMessage} />
        <div class="breakdowns">
          <${Breakdown} title="Sources" items=${aggs?.sources} testid="sources" name=${labels.source} picked=${filter.source} onPick=${pick('source')} />
          <${Breakdown} title="Languages" items=${aggs?.languages} testid="languages" name=${labels.lang} picked=${filter.lang} onPick=${pick('lang')} />
          <${Breakdown} title="Top authors" items=${aggs?.authors} testid="authors" picked=${filter.author} onPick=${pick('author')} />
        </div>
      </div>
    </main>`;
}

function App() {
  const [me, setMe] = useState(null);
  const [message, setMessage] = useState('');
  const [checking, setChecking] = useState(Boolean(getToken()));
  const check = useCallback(async () => {
    if (!getToken()) return setChecking(false);
    setChecking(true);
    try {
      setMe(await api('/api/v1/me'));
      setMessage('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) clearToken();
      setMessage(err.message);
    } finally {
      setChecking(false);
    }
  }, []);
  useEffect(() => void check(), []);
  if (checking) return html`<p class="loading">Signing in…</p>`;
  if (!me)
    return html`<${Login}
      message=${message}
      onToken=${(t) => {
        setToken(t);
        check();
      }}
    />`;
  return html`<${Dashboard}
    me=${me}
    onSignOut=${() => {
      clearToken();
      setMe(null);
    }}
  />`;
}

takeTokenFromFragment();
render(html`<${App} />`, document.getElementById('app'));
