// What the analyzer reads of a mention: its title and text, each word once. Feeds often repeat the
// start of the text as the title, cut with "…" (Mastodon and other untitled posts, which the
// collector titles so; tweet bridges; forum digests), and a text read twice counts each word twice
// where the models learned from texts read once: their scores grow more extreme and fewer mentions
// are neutral (the Russian dev tweets, by a model trained on the train split only: 729 neutral
// answers of 1,500 read once, 690 read twice). So where one repeats the start of the other, the
// longer is read alone.
import type { AnalyzeInput } from '@earshot/nlp';
import type { RawMention } from '@earshot/schema';

/** An ellipsis that says the title was cut, with the spaces around it. */
const CUT = /\s*(?:…|\.{3})\s*$/u;

export function analysisInput(raw: RawMention): AnalyzeInput {
  const text = joined(raw.title, raw.text);
  return raw.langHint ? { text, langHint: raw.langHint } : { text };
}

function joined(title: string, text: string): string {
  if (!title) return text;
  if (!text) return title;
  if (repeatsStart(title, text)) return text;
  if (repeatsStart(text, title)) return title;
  return `${title}\n${text}`;
}

/** Whether `part`, cut with an ellipsis or not, is the start of `whole`, spaces and case aside. All of `part` is compared. */
function repeatsStart(part: string, whole: string): boolean {
  const start = squash(part).replace(CUT, '');
  // Squashing only shortens: twice the part's length (and some) of the whole is enough to compare.
  return squash(whole.slice(0, 2 * part.length + 16)).startsWith(start);
}

const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim().toLowerCase();
