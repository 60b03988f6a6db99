// The two charts, drawn by Chart.js: mentions over time stacked by sentiment, and topics × sentiment.
// A chart is created once per canvas and updated in place when its data changes.
import { useEffect, useRef } from 'preact/hooks';
import { html } from './html.js';

const COLORS = { negative: '#d64545', neutral: '#9aa5b1', positive: '#2f9e5b' };
const SENTIMENTS = ['negative', 'neutral', 'positive'];

function useChart(config) {
  const canvas = useRef(null);
  const chart = useRef(null);
  useEffect(() => {
    if (!window.Chart) return undefined;
    chart.current = new window.Chart(canvas.current, config);
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => {
    if (!chart.current) return;
    chart.current.data = config.data;
    chart.current.update('none');
  }, [config.data]);
  return canvas;
}

function timeLabel(iso, interval) {
  const d = new Date(iso);
  if (interval >= 86_400_000) return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Every bucket from the first to the last, empty ones included, so the x axis is proportional in time. */
function bucketTimes(rows, interval) {
  const present = [...new Set(rows.map((b) => b.time))].sort();
  if (present.length < 2 || !interval) return present;
  const first = Date.parse(present[0]);
  const last = Date.parse(present[present.length - 1]);
  if ((last - first) / interval > 500) return present;
  const all = [];
  for (let t = first; t <= last; t += interval) all.push(new Date(t).toISOString());
  return all;
}

export function SentimentOverTime({ data }) {
  const times = bucketTimes(data?.sentimentOverTime ?? [], data?.interval);
  const count = (time, sentiment) => data.sentimentOverTime.find((b) => b.time === time && b.sentiment === sentiment)?.count ?? 0;
  const chartData = {
    labels: times.map((t) => timeLabel(t, data?.interval ?? 0)),
    datasets: SENTIMENTS.map((s) => ({ label: s, data: times.map((t) => count(t, s)), backgroundColor: COLORS[s], stack: 'mentions' })),
  };
  const canvas = useChart({
    type: 'bar',
    data: chartData,
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 24 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return html` <section class="panel chart" aria-label="Sentiment over time">
    <header class="panel-head"><h2>Sentiment over time</h2></header>
    <div class="chart-box"><canvas ref=${canvas} data-testid="sentiment-chart" role="img" aria-label="Mentions over time by sentiment"></canvas></div>
  </section>`;
}

export function TopicsBySentiment({ data, labels }) {
  const rows = data?.topicsBySentiment ?? [];
  const totals = new Map();
  for (const r of rows) totals.set(r.topic, (totals.get(r.topic) ?? 0) + r.count);
  const topics = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a)).slice(0, 12);
  const count = (topic, s) => rows.find((r) => r.topic === topic && r.sentiment === s)?.count ?? 0;
  const chartData = {
    labels: topics.map((t) => labels?.topic(t) ?? t),
    datasets: SENTIMENTS.map((s) => ({ label: s, data: topics.map((t) => count(t, s)), backgroundColor: COLORS[s] })),
  };
  const canvas = useChart({
    type: 'bar',
    data: chartData,
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true, ticks: { autoSkip: false } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return html` <section class="panel chart" aria-label="Topics by sentiment">
    <header class="panel-head"><h2>Topics × sentiment</h2></header>
    <div class="chart-box"><canvas ref=${canvas} data-testid="topics-chart" role="img" aria-label="Mentions per topic by sentiment"></canvas></div>
  </section>`;
}

/** A count per key; with onPick, a key is a button that filters by it (the picked one clears it). */
export function Breakdown({ title, items, testid, name = (key) => key, picked, onPick }) {
  const max = Math.max(1, ...(items ?? []).map((i) => i.count));
  const label = (i) => (i.key ? name(i.key) : '—');
  return html` <section class="panel breakdown" aria-label=${title} data-testid=${testid}>
    <header class="panel-head"><h2>${title}</h2></header>
    <ul>
      ${(items ?? []).map(
        (i) =>
          html` <li>
            ${
              onPick && i.key
                ? html`<button
                    type="button"
                    class=${`key pick${picked === i.key ? ' picked' : ''}`}
                    dir="auto"
                    title=${picked === i.key ? `show every one again` : `only ${i.key}`}
                    aria-pressed=${picked === i.key}
                    onClick=${() => onPick(picked === i.key ? '' : i.key)}
                    data-testid="breakdown-key"
                  >
                    ${label(i)}
                  </button>`
                : html`<span class="key" dir="auto" title=${i.key}>${label(i)}</span>`
            }<meter min="0" max=${max} value=${i.count}></meter><span class="n">${i.count}</span>
          </li>`,
      )}
    </ul>
  </section>`;
}
