// Cutting a string to a length without splitting a surrogate pair: the analyzer reads a mention's
// start (analyzer.ts analyzedPart), the collector shortens a mention to fit a bus message
// (services/collector mention-budget.ts). Half a pair left at the end would be an invalid character.

/** The first `length` UTF-16 code units of `text`, one fewer where that would split a surrogate pair. */
export function startOf(text: string, length: number): string {
  if (length >= text.length) return text;
  if (length <= 0) return '';
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
