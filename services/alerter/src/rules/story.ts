// story: a negative story that grows. Mentions arrive already grouped into stories (the engine runs
// @earshot/stories); per story this keeps its mentions of the last `window`, and the condition of
// each story (subject = story id) holds when they are at least `negativeShare` % negative and the
// negative ones reach `size` — or `rate` within the last `rateWindow`. A story that stops growing
// drops out of the window and its alert resolves.
import type { RuleOf } from '@earshot/config';
import { EventWindow, type WindowEvent } from '../windows.js';
import { formatDuration, SAMPLE_COUNT, type Condition, type EvaluatorFactory, type RuleEvaluator } from './rule-evaluator.js';

interface StoryWindow {
  title: string;
  window: EventWindow;
}

const negative = (e: WindowEvent) => e.flag === true;

export const createStoryEvaluator: EvaluatorFactory<RuleOf<'story'>> = (rule, context): RuleEvaluator => {
  const W = rule.window;
  const rateWindow = Math.min(rule.rateWindow, W);
  const brands = new Map<string, Map<string, StoryWindow>>();
  const storiesOf = (brandId: string) => {
    let s = brands.get(brandId);
    if (!s) brands.set(brandId, (s = new Map()));
    return s;
  };

  function condition(brandId: string, storyId: string, story: StoryWindow, now: number): Condition {
    const total = story.window.size;
    const negatives = story.window.count(negative);
    const recent = story.window.count((e) => negative(e) && e.time > now - rateWindow);
    const share = total ? (100 * negatives) / total : 0;
    const bySize = negatives >= rule.size;
    const byRate = rule.rate !== undefined && recent >= rule.rate;
    const samples = story.window.samples(SAMPLE_COUNT, negative);
    const langs = [
      ...new Set(
        story.window
          .samples(Number.MAX_SAFE_INTEGER)
          .map((s) => s.lang)
          .filter(Boolean),
      ),
    ].sort();
    const sources = new Set(story.window.samples(Number.MAX_SAFE_INTEGER).map((s) => s.sourceId)).size;
    const name = context.brandName(brandId);
    return {
      subject: storyId,
      active: share >= rule.negativeShare && (bySize || byRate),
      count: negatives,
      windowStart: story.window.oldest(negative) ?? now - W,
      windowEnd: now,
      samples,
      title: `${name}: negative story "${story.title}", ${negatives} mentions in ${formatDuration(W)}`,
      summary:
        `A story about ${name} is spreading: ${negatives} of its ${total} mentions in the last ${formatDuration(W)} are negative ` +
        `(${recent} in the last ${formatDuration(rateWindow)}), in ${langs.join(', ') || 'no known language'} from ${sources} source${sources === 1 ? '' : 's'}.`,
    };
  }

  return {
    rule,
    span: W,
    observe(fact, now) {
      if (!fact.story || fact.time <= now - W) return;
      const stories = storiesOf(fact.brandId);
      let story = stories.get(fact.story.id);
      if (!story) stories.set(fact.story.id, (story = { title: fact.story.title, window: new EventWindow(W) }));
      story.window.add({ id: fact.id, time: fact.time, sample: fact.sample, flag: fact.sentiment === 'negative' });
    },
    evaluate(brandId, now) {
      const stories = storiesOf(brandId);
      const out: Condition[] = [];
      for (const [storyId, story] of stories) {
        story.window.prune(now);
        if (story.window.size === 0)
          stories.delete(storyId); // an open alert on it resolves (the engine sees no condition)
        else out.push(condition(brandId, storyId, story, now));
      }
      return out;
    },
    forget(brandId) {
      brands.delete(brandId);
    },
  };
};
