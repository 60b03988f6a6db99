// What people call each customer-expectation topic (shared/DESIGN.md): the dashboard, the API and
// the report show these instead of the ids the pipeline stores.
import type { TopicId } from './topic-cues.js';

export const TOPIC_NAMES: Record<TopicId, string> = {
  price: 'Price and fairness',
  quality: 'Product quality',
  service: 'Customer service',
  delivery: 'Speed and delivery',
  information: 'Information accuracy and transparency',
  complaints: 'Complaints and refunds',
  privacy: 'Data protection and privacy',
  personalization: 'Personalization',
  innovation: 'Innovation and digital experience',
  trust: 'Trust and reputation',
  flexibility: 'Flexibility and options',
};

/** The name of a topic id; an id we do not know is shown as it is. */
export const topicName = (id: string): string => (TOPIC_NAMES as Record<string, string>)[id] ?? id;
