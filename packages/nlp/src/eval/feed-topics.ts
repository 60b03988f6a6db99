// Real feed items labeled with topics: the items of the news, blog and forum feeds in
// shared/data/feeds (rss-parser's, rubycocos' and node-feedparser's snapshots of the Guardian, the New
// York Times, Reddit, Daring Fireball, oren.ru …), labeled by us following
// shared/data/topics/GUIDELINES.md (data/feed-topics.jsonl: feed file, item number, topics; no text).
// The topic texts of shared/data/topics are all customer texts, so the tagger had never seen a text
// that is about nothing a customer expects: it tagged 280 of these 567 items, and 406 of its 428 tags
// were wrong (ROUNDS.md, round 13). The items train the feed-item classifier (topics/feed-items.ts) and
// measure the tagger; they are read as the collector reads them (@earshot/feeds entryText), and
// cross-validation keeps each feed in one fold (feed-topic-cv.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryText, htmlToText, isParseError, parseFeed, type FeedEntry } from '@earshot/feeds';
import type { TopicExample } from '../topics/topic-dataset.js';
import { TOPIC_IDS } from '../topics/topic-cues.js';
import { sharedDir } from './shared-dir.js';

export interface FeedTopicExample extends TopicExample {
  /** The feed file (under shared/data/feeds) the item is from: cross-validation's group. */
  feed: string;
  /** The item's number in that feed. */
  item: number;
}

interface FeedTopicLabel {
  feed: string;
  item: number;
  lang: string;
  topics: string[];
}

/** Our labels (data/feed-topics.jsonl), checked: every topic a known one. */
export function readFeedTopicLabels(path = new URL('../../data/feed-topics.jsonl', import.meta.url)): FeedTopicLabel[] {
  return readLabelLines<FeedTopicLabel>(path, (label) => {
    const unknown = label.topics.find((t) => !(TOPIC_IDS as readonly string[]).includes(t));
    return unknown === undefined ? undefined : `unknown topic "${unknown}"`;
  });
}

/** A JSON Lines file of our labels; `problem` names what is wrong with a line, which is then an error naming the file and line. */
export function readLabelLines<T>(path: URL, problem: (label: T) => string | undefined): T[] {
  const name = path.pathname.split('/').slice(-2).join('/');
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      let label: T;
      try {
        label = JSON.parse(line) as T;
      } catch (error) {
        throw new Error(`${name} line ${i + 1}: not JSON (${(error as Error).message})`, { cause: error });
      }
      const wrong = problem(label);
      if (wrong !== undefined) throw new Error(`${name} line ${i + 1}: ${wrong}`);
      return [label];
    });
}

/** The labeled items with their text (readFeedItemTexts). */
export function readFeedTopicExamples(env: Record<string, string | undefined>, labels = readFeedTopicLabels()): FeedTopicExample[] {
  const texts = readFeedItemTexts(env, labels);
  return labels.map((label, i) => ({ text: texts[i]!, lang: label.lang, topics: label.topics, aspects: {}, feed: label.feed, item: label.item }));
}

/** An item of a feed file under `<shared>/data/feeds`: the file and the item's number in it. */
export interface FeedItemRef {
  feed: string;
  item: number;
}

/**
 * The items' texts, read from the feed files under `<shared>/data/feeds`. A feed that no longer
 * parses, or an item number it does not have, is an error naming it: the labels belong to those exact files.
 */
export function readFeedItemTexts(env: Record<string, string | undefined>, refs: readonly FeedItemRef[]): string[] {
  const feeds = new Map<string, FeedEntry[]>();
  const entriesOf = (feed: string): FeedEntry[] => {
    let entries = feeds.get(feed);
    if (!entries) {
      const result = parseFeed(readFileSync(join(sharedDir(env), 'data', 'feeds', feed)));
      if (isParseError(result)) throw new Error(`${feed}: ${result.error}`);
      entries = result.items;
      feeds.set(feed, entries);
    }
    return entries;
  };
  return refs.map((ref) => {
    const entry = entriesOf(ref.feed)[ref.item];
    if (!entry) throw new Error(`${ref.feed} has no item ${ref.item}`);
    return itemText(entry);
  });
}

/**
 * Title and text as the analyzer gets them from the collector and the enricher (analysis-input.ts; a
 * title the text starts with is read once), in short: the same texts for all 567 labeled items.
 */
function itemText(entry: FeedEntry): string {
  const title = htmlToText(entry.title ?? '');
  const text = entryText(entry);
  if (!title) return text;
  if (!text || text.toLowerCase().startsWith(title.toLowerCase())) return text || title;
  return `${title}\n${text}`;
}
