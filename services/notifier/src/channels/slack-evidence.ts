// An alert's evidence as Slack Block Kit blocks: one section of facts (volume, phrases, topics,
// languages, sources) and one per driving mention. Everything from mentions is user text: it is
// escaped for mrkdwn (& < > — which also defuses <!channel> and <@user>), and a mention's link is
// made only from an http(s) URL with the characters that would end a Slack link encoded.
import type { Alert } from '@earshot/schema';
import { EVIDENCE_LABELS, evidenceLines, mentionFacts, type EvidenceLines } from '../format-evidence.js';

const SECTION_LIMIT = 2900;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<url|text>` for an http(s) URL, else the escaped text alone. */
export function slackLink(url: string, text: string): string {
  const label = escapeMrkdwn(text).replace(/\|/g, '¦');
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return label;
  const safe = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safe}|${label}>`;
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, SECTION_LIMIT) } });

export function evidenceBlocks(alert: Alert): unknown[] {
  const e = alert.evidence;
  if (!e) return [];
  const facts = Object.entries(evidenceLines(e)).map(([key, value]) => `*${EVIDENCE_LABELS[key as keyof EvidenceLines]}* ${escapeMrkdwn(value)}`);
  const blocks: unknown[] = [{ type: 'divider' }, section(`*Why*\n${facts.join('\n')}`)];
  for (const m of e.mentions) blocks.push(section(`${slackLink(m.url, m.title)} _(${escapeMrkdwn(mentionFacts(m))})_\n>${escapeMrkdwn(m.excerpt)}`));
  return blocks;
}
