// An alert's evidence (why it fired) as short plain-text pieces that every channel shows: how far
// above normal, the phrases and topics that stand out, languages and sources, the driving mentions.
// Plain text only: each channel escapes for its own medium (Slack mrkdwn, HTML) when it renders.
import type { Alert, AlertEvidence, EvidenceMention, EvidenceTerm } from '@earshot/schema';

export interface EvidenceLines {
  volume: string;
  phrases?: string;
  topics?: string;
  languages?: string;
  sources?: string;
}

function duration(fromIso: string, toIso: string): string {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!(ms > 0)) return 'no history yet';
  if (ms >= 86_400_000 && ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms >= 3_600_000) return `${Math.round(ms / 3_600_000)}h`;
  return `${Math.max(1, Math.round(ms / 60_000))}m`;
}

export function volumeLine(e: AlertEvidence): string {
  const { count, baselineMean, ratio } = e.volume;
  const span = duration(e.baseline.from, e.baseline.to);
  if (ratio === null) return `${count} in the window; none in the baseline (${span}) to compare with`;
  return `${count} in the window, ${ratio}× the usual ${baselineMean} per window (baseline ${span}, ${e.baseline.count} mentions)`;
}

export function termList(terms: EvidenceTerm[], quote = false): string {
  return terms.map((t) => `${quote ? `“${t.term}”` : t.term} ${t.count}${t.baselineCount === 0 ? ' (new)' : ` (×${t.lift})`}`).join(' · ');
}

export function evidenceLines(e: AlertEvidence): EvidenceLines {
  const list = (shares: { key: string; count: number }[]) => shares.map((s) => `${s.key} ${s.count}`).join(' · ');
  return {
    volume: volumeLine(e),
    ...(e.phrases.length ? { phrases: termList(e.phrases, true) } : {}),
    ...(e.topics.length ? { topics: termList(e.topics) } : {}),
    ...(e.languages.length ? { languages: list(e.languages) } : {}),
    ...(e.sources.length ? { sources: list(e.sources) } : {}),
  };
}

export const EVIDENCE_LABELS: Record<keyof EvidenceLines, string> = {
  volume: 'Volume',
  phrases: 'Phrases',
  topics: 'Topics',
  languages: 'Languages',
  sources: 'Sources',
};

/** "negative -0.9 · reach 50000 · forum · et · most negative, highest reach" */
export function mentionFacts(m: EvidenceMention): string {
  const parts = [
    m.sentiment ? `${m.sentiment}${m.score !== undefined ? ` ${m.score}` : ''}` : undefined,
    m.reach !== undefined ? `reach ${m.reach}` : undefined,
    m.sourceId,
    m.lang,
    m.reasons.map((r) => r.replace('-', ' ')).join(', '),
  ];
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}

/** The evidence as plain-text lines (e-mail text part, anything that shows text). */
export function evidenceText(alert: Alert): string[] {
  const e = alert.evidence;
  if (!e) return [];
  const lines = ['', 'Why:'];
  for (const [key, value] of Object.entries(evidenceLines(e))) lines.push(`- ${EVIDENCE_LABELS[key as keyof EvidenceLines]}: ${value}`);
  if (e.mentions.length) {
    lines.push('', 'Driving mentions:');
    for (const m of e.mentions) lines.push(`- ${m.title} (${mentionFacts(m)}): ${m.excerpt}`, `  ${m.url}`);
  }
  return lines;
}
