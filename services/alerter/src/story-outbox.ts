// Stories the engine changed, waiting to be written to the store. Kept by id (the newest version
// wins) until the store confirms, so a failed write is retried with the batch and a story is never
// lost or written out of order.
import type { Story } from '@earshot/schema';
import type { AlertStore } from '@earshot/store';

export interface StoryOutbox {
  add(stories: Story[]): void;
  flush(): Promise<void>;
  readonly pending: number;
}

export function createStoryOutbox(options: { store: AlertStore }): StoryOutbox {
  const pending = new Map<string, Story>();
  return {
    add(stories) {
      for (const story of stories) pending.set(story.id, story);
    },
    async flush() {
      if (!pending.size) return;
      const batch = [...pending.values()];
      await options.store.upsertStories(batch);
      for (const story of batch) if (pending.get(story.id) === story) pending.delete(story.id);
    },
    get pending() {
      return pending.size;
    },
  };
}
