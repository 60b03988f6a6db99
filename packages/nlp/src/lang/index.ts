// What the collector may use of language identification without loading the analyzer's models.
export { detectLanguage, type DetectOptions } from './detect-language.js';
export { languageOfTag } from './language-tag.js';
export { statedLanguageHolds } from './stated-language.js';
