// An alert's evidence as Slack Block Kit blocks: one section of facts (volume, phrases, topics,
// languages, sources) and one per driving mention. Everything from mentions is user text: it is
// escaped for mrkdwn and links are made only from http(s) URLs (slack-text.ts).
import type { Alert } from '@earshot/schema';
import { EVIDENCE_LABELS, evidenceLines, mentionFacts, type EvidenceLines } from '../format-evidence.js';
import { escapeMrkdwn, mrkdwnLink } from './slack-text.js';

const SECTION_LIMIT = 2900;

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, SECTION_LIMIT) } });

export function evidenceBlocks(alert: Alert): unknown[] {
  const e = alert.evidence;
  if (!e) return [];
  const facts = Object.entries(evidenceLines(e)).map(([key, value]) => `*${EVIDENCE_LABELS[key as keyof EvidenceLines]}* ${escapeMrkdwn(value)}`);
  const blocks: unknown[] = [{ type: 'divider' }, section(`*Why*\n${facts.join('\n')}`)];
  for (const m of e.mentions) blocks.push(section(`${mrkdwnLink(m.url, m.title)} _(${escapeMrkdwn(mentionFacts(m))})_\n>${escapeMrkdwn(m.excerpt)}`));
  return blocks;
}
