// `--matched-by` for commands that filter mentions: how a mention was matched to its brand
// (query, owned-source, handle), checked by commander against the schema's list.
import { Option } from 'commander';
import { MATCHED_BY } from '@earshot/schema';

export function matchedByOption(): Option {
  return new Option('--matched-by <how>', 'only mentions matched this way').choices(MATCHED_BY);
}
