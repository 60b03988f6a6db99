// The HTML part of an alert e-mail (beside the plain-text part): headline, summary, the sample
// mentions, why it fired (format-evidence.ts) and a link. Every value is escaped as HTML text or
// attribute, and links are made only from http(s) URLs, so mention text can never add markup,
// scripts or javascript: links to the message.
import type { Alert } from '@earshot/schema';
import type { Notification } from './channels/channel.js';
import { alertHeadline, alertLink, extraSamples, notificationText } from './format-alert.js';
import { EVIDENCE_LABELS, evidenceLines, mentionFacts, type EvidenceLines } from './format-evidence.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function mentionItem(title: string, url: string, facts: string, text: string): string {
  return `<li>${link(url, title)} <small>(${escapeHtml(facts)})</small><br><q>${escapeHtml(text)}</q></li>`;
}

function evidenceHtml(alert: Alert): string {
  const e = alert.evidence;
  if (!e) return '';
  const rows = Object.entries(evidenceLines(e))
    .map(([key, value]) => `<tr><th align="left">${EVIDENCE_LABELS[key as keyof EvidenceLines]}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const mentions = e.mentions.map((m) => mentionItem(m.title, m.url, mentionFacts(m), m.excerpt)).join('');
  return `<h3>Why</h3><table data-evidence="facts">${rows}</table>${mentions ? `<h3>Driving mentions</h3><ul data-evidence="mentions">${mentions}</ul>` : ''}`;
}

export function alertHtml(alert: Alert, detailsLink?: string): string {
  const samples = extraSamples(alert)
    .map((s) => mentionItem(s.title, s.url, [s.sentiment, s.lang].filter(Boolean).join(', '), s.text))
    .join('');
  return [
    `<h2>${escapeHtml(alertHeadline(alert))}</h2>`,
    `<p>${escapeHtml(alert.summary)}</p>`,
    `<p><small>Rule ${escapeHtml(alert.ruleId)} (${escapeHtml(alert.ruleType)}) · severity ${alert.severity} · brand ${escapeHtml(alert.brandId)} · window ${escapeHtml(alert.windowStart)} – ${escapeHtml(alert.windowEnd)}</small></p>`,
    samples ? `<h3>Mentions</h3><ul>${samples}</ul>` : '',
    evidenceHtml(alert),
    detailsLink ? `<p>${link(detailsLink, 'Open in Earshot')}</p>` : '',
  ].join('');
}

export function notificationHtml(n: Notification, linkTemplate?: string): string {
  const body = n.kind === 'alert' ? alertHtml(n.alert, alertLink(linkTemplate, n.alert)) : `<pre>${escapeHtml(notificationText(n, linkTemplate))}</pre>`;
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}
