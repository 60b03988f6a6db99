export { hasMixedScripts, inOneScript, withWordsInOneScript } from './one-script.js';
