export { hasMixedScripts, inOneScript, withWordsInOneScript } from './one-script.js';
export { KAZAKH_TO_RUSSIAN, withRussianLetters } from './russian-letters.js';
