// What a mention says, as a bag of features two mentions of the same story share even when they are
// written in different languages: word stems (transliterated to Latin, so Cyrillic and Latin
// spellings of a loanword meet), consonant skeletons of names (Nordtel, Нордтел and נורדטל are all
// "nrdtl"), numbers, links, hashtags, and each topic with its aspect sentiment. The brand's own
// name is left out — every mention of the brand has it, so it tells no story apart — and so are the
// words of word-of-mouth phrases ("don't buy"), which any complaint may carry.
import { fold, latinSkeleton, words } from '@earshot/nlp';

export interface FeatureInput {
  title: string;
  text: string;
  topics: { topic: string; sentiment: string }[];
  /** Word-of-mouth phrases the enricher found ("don't buy", "не берите"): generic, not what the story is about. */
  phrases?: string[];
}

/** Feature key → its weight in this mention before IDF (a kind's importance, not a count). */
export type Features = Map<string, number>;

export interface Extracted {
  features: Features;
  /** A readable form of features that have one (the word as written, the link, the number). */
  surfaces: Map<string, string>;
}

export interface FeatureExtractor {
  extract(input: FeatureInput): Extracted;
}

export interface FeatureExtractorOptions {
  /** Words naming the brand (its name and query terms), in any script. */
  brandTerms: string[];
  stopwords: Set<string>;
}

/** How much each kind of feature counts. Exact tokens (links, numbers, tags) say most. */
export const KIND_WEIGHT = { url: 3, hashtag: 2.5, number: 2, word: 1, name: 0.75, topic: 0.75 } as const;

const HEBREW_TO_LATIN: Record<string, string> = {
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ז: 'z',
  ח: 'h',
  ט: 't',
  כ: 'k',
  ל: 'l',
  מ: 'm',
  נ: 'n',
  ס: 's',
  פ: 'p',
  צ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};
const URL = /https?:\/\/[^\s<>"')\]]+/giu;
const HASHTAG = /#(\p{L}[\p{L}\p{N}_]+)/gu; // a letter first: "#16" is a number, not a tag
const NUMBER = /\d+(?:[.,:]\d+)*/gu;
const STEM_LENGTH = 5;
const SKELETON_LENGTH = 5;

/** Consonants of a folded word in Latin letters: Cyrillic transliterated, Hebrew letters mapped (its vowel letters dropped). */
export function consonantSkeleton(folded: string): string {
  let latin = '';
  for (const ch of latinSkeleton(folded)) latin += HEBREW_TO_LATIN[ch] ?? ch;
  return latin
    .replace(/[^a-z]/g, '')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
}

function normalizeUrl(raw: string): string | undefined {
  try {
    const url = new globalThis.URL(raw.replace(/[.,;:!?]+$/, ''));
    return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return undefined;
  }
}

export function createFeatureExtractor(options: FeatureExtractorOptions): FeatureExtractor {
  const brandSkeletons = [
    ...new Set(
      options.brandTerms
        .flatMap((t) => words(t))
        .filter((w) => !/^(or|and|not)$/i.test(w))
        .map((w) => consonantSkeleton(fold(w)))
        .filter((s) => s.length >= 2),
    ),
  ];
  const isBrand = (skeleton: string) => brandSkeletons.some((b) => skeleton.startsWith(b));

  return {
    extract(input) {
      const out: Features = new Map();
      const surfaces = new Map<string, string>();
      const put = (key: string, weight: number, surface?: string) => {
        out.set(key, Math.max(out.get(key) ?? 0, weight));
        if (surface && !surfaces.has(key)) surfaces.set(key, surface);
      };
      let text = `${input.title}\n${input.text}`;
      text = text.replace(URL, (raw) => {
        const url = normalizeUrl(raw);
        if (url) put(`u:${url}`, KIND_WEIGHT.url, url);
        // Its numbers too: "incident 4411" and …/incidents/4411 are the same thing.
        return ` ${
          (url ?? '')
            .match(/\/\d{2,}(?=\/|$)/g)
            ?.map((n) => n.slice(1))
            .join(' ') ?? ''
        } `;
      });
      for (const m of text.matchAll(HASHTAG)) put(`h:${latinSkeleton(fold(m[1]!))}`, KIND_WEIGHT.hashtag, `#${m[1]}`);
      for (const m of text.matchAll(NUMBER)) {
        const n = m[0].replace(',', '.');
        if (n.length >= 2) put(`n:${n}`, KIND_WEIGHT.number, m[0]);
      }
      const generic = new Set((input.phrases ?? []).flatMap((p) => words(p).map((w) => fold(w))));
      for (const word of words(text)) {
        if (/^\d+$/.test(word)) continue; // numbers are features of their own
        if (/\d/.test(word)) {
          put(`n:${word}`, KIND_WEIGHT.number, word); // 5g, 4k, a model or tariff name
          continue;
        }
        const folded = fold(word);
        if (folded.length < 3 || options.stopwords.has(folded) || generic.has(folded)) continue;
        const skeleton = consonantSkeleton(folded);
        if (skeleton.length >= 2 && isBrand(skeleton)) continue;
        const latin = latinSkeleton(folded);
        put(`w:${/[a-z]/.test(latin) ? latin.slice(0, STEM_LENGTH) : folded.slice(0, STEM_LENGTH)}`, KIND_WEIGHT.word, word); // Hebrew keeps its own letters
        if (skeleton.length >= 3) put(`s:${skeleton.slice(0, SKELETON_LENGTH)}`, KIND_WEIGHT.name);
      }
      for (const t of input.topics) put(`t:${t.topic}:${t.sentiment}`, KIND_WEIGHT.topic);
      return { features: out, surfaces };
    },
  };
}
