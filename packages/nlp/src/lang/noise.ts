// What language identification leaves out of a text: links, e-mail addresses, handles and hashtags,
// and the {link} placeholder the shared tweets carry in place of their links. They say where a text
// was posted (tweets or reviews), not the language it is written in; the cue words skip them
// (detect-language.ts) and the Russian-or-Kazakh classifier never sees them (cyrillic-classifier.ts).
export const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+|\S+@\S+\.\S+|\{link\}/gu;

/** A cheap test for whether NOISE can match at all (most mentions hold no link or handle). */
export const NOISE_HINT = /[@#{]|www\.|https?:/;

/** The text with every NOISE match replaced by a space. */
export const withoutNoise = (text: string): string => (NOISE_HINT.test(text) ? text.replace(NOISE, ' ') : text);
