// The import boundaries between Earshot's layers, as one ESLint rule (`earshot/layers`), so that a
// cross-layer import fails `npm run lint` with a message saying which layer may not use what:
//
//   services/earshot      the composition root: may import anything below it, adapters included
//   services/<stage>      a stage: packages only; never another service, never a client library
//                         (kafkajs, @platformatic/kafka, @elastic/elasticsearch, better-sqlite3)
//                         nor an adapter subpath (@earshot/bus/kafka, @earshot/store/sqlite …)
//   packages/<name>       shared code: never a service; client libraries only inside their
//                         adapter's folder; another package only through its exports
//   packages/core         the bottom: no workspace package at all
//
// Tests and test helpers (`*.test.ts`, `testing/`, contract suites, scripts) may wire adapters,
// as the composition root does; the other rules hold for them too. test/ is not checked.
import { posix, relative, sep } from 'node:path';

const SERVICES = ['alerter', 'api', 'collector', 'earshot', 'enricher', 'indexer', 'notifier'];
/** Each client library and the adapter folders that alone may import it. */
const LIBRARY_HOMES = {
  kafkajs: ['packages/bus/src/kafka/'],
  '@platformatic/kafka': ['packages/bus/src/platformatic/'],
  '@elastic/elasticsearch': ['packages/store/src/elasticsearch/'],
  'better-sqlite3': ['packages/store/src/sqlite/', 'packages/bus/src/embedded/'],
};
const ADAPTER_SUBPATH = /^@earshot\/(bus|store)\/(?!$)/;

function libraryOf(specifier) {
  return Object.keys(LIBRARY_HOMES).find((lib) => specifier === lib || specifier.startsWith(`${lib}/`));
}

/** Tests, `testing/` helpers, contract suites, scripts and evaluations: they may wire adapters. */
export function isTestSupport(file) {
  return /\.test\.ts$|\/testing\/|\/contract\.ts$|\/scripts\/|\/eval\//.test(file);
}

/** Where a repository-relative path sits: `{ kind: 'service' | 'package', name }` or undefined. */
function layerOf(path) {
  const m = /^(services|packages)\/([^/]+)\//.exec(path);
  return m ? { kind: m[1] === 'services' ? 'service' : 'package', name: m[2] } : undefined;
}

/** The reason `specifier` may not be imported from `file` (both repository-relative), or undefined. */
export function layerViolation(file, specifier) {
  const from = layerOf(file);
  if (!from) return undefined;
  const test = isTestSupport(file);
  const target = specifier.startsWith('.') ? posix.join(posix.dirname(file), specifier) : undefined;
  if (target !== undefined) {
    const to = layerOf(`${target}/`);
    if (to && (to.kind !== from.kind || to.name !== from.name)) {
      return `${specifier} reaches into ${to.kind === 'service' ? 'services' : 'packages'}/${to.name}: import it by its package name (@earshot/${to.name})`;
    }
    return undefined;
  }
  const workspace = /^@earshot\/([^/]+)/.exec(specifier)?.[1];
  if (from.kind === 'package' && from.name === 'core' && workspace) return '@earshot/core is the bottom layer and imports no workspace package';
  if (workspace && SERVICES.includes(workspace) && workspace !== from.name) {
    if (from.kind === 'package') return `packages never import services (${specifier})`;
    if (from.name !== 'earshot') return `services never import other services (${specifier}); share code through a package`;
  }
  if (workspace && !SERVICES.includes(workspace) && /^@earshot\/[^/]+\/src(\/|$)/.test(specifier)) {
    return `${specifier} reaches into a package's files: import what its package.json exports`;
  }
  const composing = (from.kind === 'service' && from.name === 'earshot') || test;
  if (ADAPTER_SUBPATH.test(specifier) && !composing && !/\/contract$/.test(specifier)) {
    return `${specifier} is an adapter: only the composition root (services/earshot) and tests wire adapters; use the port from @earshot/${workspace}`;
  }
  const library = libraryOf(specifier);
  if (library) {
    if (from.kind === 'service' && !test)
      return `${library} is a client library: stages see ports, only its adapter (${LIBRARY_HOMES[library].join(', ')}) imports it`;
    if (from.kind === 'package' && !LIBRARY_HOMES[library].some((home) => file.startsWith(home)) && !test) {
      return `${library} may only be imported inside ${LIBRARY_HOMES[library].join(' or ')}`;
    }
  }
  return undefined;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: "Imports respect Earshot's layers (lint/layers.js)" },
    schema: [],
    messages: { layer: '{{reason}}' },
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/');
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const reason = layerViolation(file, source.value);
      if (reason) context.report({ node: source, messageId: 'layer', data: { reason } });
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { layers: layersRule } };
