import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../types.js';
import { decideTopics, FEED_ITEM_BAR } from './decide-topics.js';
import { TOPIC_IDS } from './topic-cues.js';
import { GATE_ID, loadTopicModel, type TopicMode, type TopicModelFile } from './topic-model.js';

// A hand-made model (no weights: the logits are given): quality is learned, complaints is a cue rule,
// privacy is a thin topic's cue rule (ungated: one mask for every language, as files before round 39
// had it); the gate's mode varies per test. Thresholds 0.5 → logit 0.
const t = (id: string): number => (TOPIC_IDS as readonly string[]).indexOf(id);
const G = TOPIC_IDS.length;
function model(gate: TopicMode, withGate = true, ungated: TopicModelFile['ungated'] = 1 << t('privacy')): ReturnType<typeof loadTopicModel> {
  const modes = TOPIC_IDS.map((id): TopicMode => (id === 'quality' ? 'model' : id === 'complaints' || id === 'privacy' ? 'cues' : 'off'));
  const width = TOPIC_IDS.length + (withGate ? 1 : 0);
  const file: TopicModelFile = {
    format: 'earshot-topics-v1',
    topics: withGate ? [...TOPIC_IDS, GATE_ID] : [...TOPIC_IDS],
    hashBits: 20,
    scale: 1,
    bias: new Array<number>(width).fill(0),
    buckets: [],
    weights: [],
    thresholds: new Array<number>(width).fill(0.5),
    modes: SUPPORTED_LANGUAGES.map(() => (withGate ? [...modes, gate] : modes)),
    ungated,
    trainedOn: { examples: 0, positives: {}, seed: 1 },
  };
  return loadTopicModel(file);
}
const logits = (quality: number, gate: number): Float64Array => {
  const l = new Float64Array(G + 1).fill(-5);
  l[t('quality')] = quality;
  l[G] = gate;
  return l;
};
const cues = (...ids: string[]): number => ids.reduce((m, id) => m | (1 << t(id)), 0);
const names = (mask: number): string[] => TOPIC_IDS.filter((_, i) => ((mask >> i) & 1) === 1);

describe.each(SUPPORTED_LANGUAGES.map((lang, l) => [lang, l] as const))('decideTopics with a gate (%s)', (_lang, l) => {
  it('tags learned and cue topics when the gate says the text has a topic', () => {
    expect(names(decideTopics(model('model'), l, logits(1, 1), cues('complaints')))).toEqual(['quality', 'complaints']);
  });

  it("tags nothing but thin topics' cue rules when the gate says the text has no topic (a film review, an announcement)", () => {
    expect(names(decideTopics(model('model'), l, logits(1, -1), cues('complaints')))).toEqual([]);
    expect(names(decideTopics(model('model'), l, logits(1, -1), cues('complaints', 'privacy')))).toEqual(['privacy']);
  });

  it("as a cue rule, opens only when some topic's cue word occurs; off or absent, never closes", () => {
    expect(names(decideTopics(model('cues'), l, logits(1, -1), 0))).toEqual([]);
    expect(names(decideTopics(model('cues'), l, logits(1, -1), cues('complaints')))).toEqual(['quality', 'complaints']);
    expect(names(decideTopics(model('off'), l, logits(1, -1), 0))).toEqual(['quality']);
    expect(names(decideTopics(model('model', false), l, logits(1, -1), cues('complaints')))).toEqual(['quality', 'complaints']);
  });

  it("rejects a mention that reads as a feed item whatever the gate says, thin topics' cue rules aside", () => {
    for (const gate of ['model', 'cues', 'off'] as const) {
      expect(names(decideTopics(model(gate), l, logits(1, 1), cues('complaints', 'privacy'), FEED_ITEM_BAR))).toEqual(['privacy']);
      expect(names(decideTopics(model(gate), l, logits(1, 1), cues('complaints'), FEED_ITEM_BAR - 0.01))).toEqual(['quality', 'complaints']);
    }
    expect(names(decideTopics(model('model', false), l, logits(1, 1), cues('complaints'), 1))).toEqual([]);
  });

  it('never reports the gate itself as a topic', () => {
    expect(decideTopics(model('model'), l, logits(-1, 1), 0) >> G).toBe(0);
  });
});

describe('decideTopics with a mask of thin topics per language', () => {
  it("ungates a thin topic's cue rule in the languages where it is thin only", () => {
    const en = SUPPORTED_LANGUAGES.indexOf('en');
    const ru = SUPPORTED_LANGUAGES.indexOf('ru');
    const perLanguage = model(
      'model',
      true,
      SUPPORTED_LANGUAGES.map((lang) => (lang === 'en' ? 1 << t('privacy') : 0)),
    );
    expect(names(decideTopics(perLanguage, en, logits(1, -1), cues('privacy')))).toEqual(['privacy']);
    expect(names(decideTopics(perLanguage, ru, logits(1, -1), cues('privacy')))).toEqual([]);
    expect(names(decideTopics(perLanguage, ru, logits(1, 1), cues('privacy')))).toEqual(['quality', 'privacy']);
  });
});
