// Benchmark (not a test): how the whole analysis scales with a mention's length. Each shape is a
// unit repeated to 10,000, 30,000, 100,000 and 1,000,000 characters and analyzed at each length
// (the best of three, each a new text); the table shows milliseconds and the cost per 1,000
// characters. Up to MAX_ANALYZED_CHARS (100,000, what the analyzer reads of a mention) that cost
// should stay flat (linear), the ratio near 1; beyond it, the time should stop growing. Shapes:
// prose in each language (sentences of ours), and runs without a space, after an English sentence,
// that once made parts of the analysis quadratic (wink-nlp's tokenizer, the noise pattern's e-mail
// part, aspect clauses: packages/nlp/ROUNDS.md, round 18), and words that mix scripts (round 35).
//   npm run bench -- nlp-long [--sizes 10000,30000,100000,1000000]
import { parseArgs } from 'node:util';
import { createAnalyzer, MAX_ANALYZED_CHARS } from '../../packages/nlp/src/index.js';
import { printTable, writeResults } from './results.js';

const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '10000,30000,100000,1000000' } } });
const SIZES = args.sizes.split(',').map(Number);

/** Units repeated to each length (our own sentences); a run follows RUN_OPENING. */
const SHAPES: Record<string, string> = {
  'en prose': 'The price is unfair and support never answered, do not buy! ',
  'ru prose': 'Цены снова выросли, а поддержка не отвечает. Не берите! ',
  'kk prose': 'Бағасы қымбат, қызметі нашар. Сатып алмаңыз! ',
  'he prose': 'המחיר גבוה והשירות גרוע. אל תקנו! ',
  'et prose': 'Hind on liiga kõrge ja klienditeenindus ei vasta. Ärge ostke! ',
  'run of letters and digits': 'a1',
  'run of tags': '#a',
  'run of at signs': 'a@',
  'run of placeholders': '{link}',
  'long link': 'https://tracker.example/click?id=1&',
  // Words mixing Latin and Cyrillic look-alikes ("Kаspi" with a Cyrillic а, "бiрак" with a Latin i), which wink-nlp was slow over (round 35).
  'run of mixed-script words': 'K\u0430spi B\u0435st \u0431i\u0440\u0430\u043a ',
};

const RUN_OPENING = 'Terrible service, I want my money back. ';

const analyzer = createAnalyzer();
analyzer.analyze(SHAPES['en prose']!); // models loaded, code warm
// Side by side: long mentions' topics judged whole instead of in pieces (topics/mention-pieces.ts; ROUNDS.md round 29).
const wholeTopics = createAnalyzer({ topicPieces: false });
wholeTopics.analyze(SHAPES['en prose']!);

const rows: Record<string, string | number>[] = [];
const results: { shape: string; ms: number[]; wholeTopicsMs: number }[] = [];
for (const [shape, unit] of Object.entries(SHAPES)) {
  const time = (n: number, by: typeof analyzer): number => {
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      // A new text each time (the run starts with r): wink-nlp remembers the tokens it has seen,
      // and a repeated run would cost nothing the second time.
      const opening = (shape.startsWith('run') || shape.startsWith('long') ? RUN_OPENING : '') + String(r) + (by === analyzer ? '' : 'w');
      const text = opening + unit.repeat(Math.ceil((n - opening.length) / unit.length)).slice(0, n - opening.length);
      const t = performance.now();
      by.analyze(text);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const ms = SIZES.map((n) => time(n, analyzer));
  const wholeTopicsMs = time(MAX_ANALYZED_CHARS, wholeTopics);
  const perK = ms.map((m, i) => (m / SIZES[i]!) * 1000);
  // The longest text the analyzer reads whole.
  const read = SIZES.reduce((best, n, i) => (n <= MAX_ANALYZED_CHARS ? i : best), 0);
  results.push({ shape, ms, wholeTopicsMs });
  rows.push({
    shape,
    ...Object.fromEntries(SIZES.map((n, i) => [`${n.toLocaleString('en')} chars ms`, ms[i]!.toFixed(1)])),
    [`${MAX_ANALYZED_CHARS.toLocaleString('en')}, topics judged whole ms`]: wholeTopicsMs.toFixed(1),
    'ms per 1,000 chars (shortest → longest read whole)': `${perK[0]!.toFixed(3)} → ${perK[read]!.toFixed(3)}`,
    'ratio per char': (perK[read]! / perK[0]!).toFixed(2),
  });
  process.stdout.write(`${shape}: ${ms.map((m) => m.toFixed(1)).join(' / ')} ms\n`);
}
printTable(rows);
writeResults('nlp-long', { sizes: SIZES, results });
