// Talks to the Earshot API for the dashboard: the token (taken from the URL fragment #token=… once,
// then kept in localStorage), JSON requests with it, and the live stream (EventSource with a
// one-minute ticket, re-opened with a fresh ticket whenever it drops).
const TOKEN_KEY = 'earshot.token';

export function takeTokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

export const getToken = () => localStorage.getItem(TOKEN_KEY) || '';
export const setToken = (token) => localStorage.setItem(TOKEN_KEY, token);
export const clearToken = () => localStorage.removeItem(TOKEN_KEY);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** How often a GET refused with 429 (a rate or concurrent-search limit) is tried again after Retry-After. */
const RETRIES_ON_429 = 3;

export async function api(path, { method = 'GET', body, raw = false } = {}) {
  const headers = { authorization: `Bearer ${getToken()}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  for (let attempt = 0; ; attempt++) {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status !== 429 || method !== 'GET' || attempt >= RETRIES_ON_429) break;
    const seconds = Math.min(Number(res.headers.get('retry-after')) || 1, 10);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      message = (await res.json()).error.message;
    } catch {}
    throw new ApiError(res.status, message);
  }
  return raw ? res : res.json();
}

/** Query string from a filter object, leaving out empty values. */
export function toQuery(filter) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  return params.toString();
}

/**
 * Opens the live stream for a filter; calls onEvent(type, data) and onState('live' | 'connecting').
 * Returns a function that closes it for good.
 */
export function openStream(filter, { onEvent, onState }) {
  let source;
  let timer;
  let closed = false;
  const connect = async () => {
    onState('connecting');
    try {
      const { ticket } = await api('/api/v1/stream/ticket', { method: 'POST' });
      if (closed) return;
      const query = toQuery({ ...filter, ticket });
      source = new EventSource(`/api/v1/stream?${query}`);
      source.addEventListener('ready', () => onState('live'));
      source.addEventListener('mention', (e) => onEvent('mention', JSON.parse(e.data)));
      source.addEventListener('alert', (e) => onEvent('alert', JSON.parse(e.data)));
      source.onerror = () => {
        source.close();
        retry();
      };
    } catch {
      retry();
    }
  };
  const retry = () => {
    if (closed) return;
    onState('connecting');
    clearTimeout(timer);
    timer = setTimeout(connect, 3000);
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
