// Test helper: the problems a config text is refused with (none when it parses).
import { ConfigError, parseConfig, type LoadConfigOptions } from '../config.js';

export function problemsOf(text: string, options: LoadConfigOptions = {}): string[] {
  try {
    parseConfig(text, 'earshot.yaml', options);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}
