// @earshot/stories: grouping a brand's mentions into stories as they arrive, and measuring it.
export { createStoryTracker, DEFAULT_GAP_MS, DEFAULT_THRESHOLD, type Assignment, type StoryTracker, type StoryTrackerOptions } from './story-tracker.js';
export { createFeatureExtractor, consonantSkeleton, type FeatureExtractor, type Features } from './features.js';
export { storyId } from './story-state.js';
export { pairwiseScores, type PairwiseScores } from './pairwise.js';
