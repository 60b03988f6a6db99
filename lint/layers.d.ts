// Types of layers.js, for the tests that import its helpers.
import type { Rule } from 'eslint';

export function isTestSupport(file: string): boolean;
export function layerViolation(file: string, specifier: string): string | undefined;
export const layersRule: Rule.RuleModule;
declare const plugin: { rules: { layers: Rule.RuleModule } };
export default plugin;
