// The layer rule (lint/layers.js) fails on each kind of cross-layer import and passes the imports
// the layers allow, checked through ESLint itself with the repository's config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './workspace.js';

const eslint = new ESLint({ cwd: ROOT });

async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'earshot/layers').map((m) => m.message);
}

describe('earshot/layers', () => {
  it.each([
    ['services/enricher/src/step.ts', "import { createKafkaClientBus } from '@earshot/bus/kafka';", /adapter: only the composition root/],
    ['services/indexer/src/step.ts', "import { createSqliteStore } from '@earshot/store/sqlite';", /adapter/],
    ['services/alerter/src/step.ts', "import { Kafka } from 'kafkajs';", /kafkajs is a client library/],
    ['services/api/src/step.ts', "import { Client } from '@elastic/elasticsearch';", /client library/],
    ['services/notifier/src/step.ts', "import Database from 'better-sqlite3';", /client library/],
    ['services/api/src/step.ts', "import { createNotifier } from '@earshot/notifier';", /services never import other services/],
    ['services/api/src/step.ts', "import { x } from '../../notifier/src/x.js';", /reaches into services\/notifier/],
    ['packages/stories/src/x.ts', "import { createApi } from '@earshot/api';", /packages never import services/],
    ['packages/core/src/x.ts', "import type { Bus } from '@earshot/bus';", /imports no workspace package/],
    ['packages/pipeline/src/x.ts', "import { createEmbeddedBus } from '@earshot/bus/embedded';", /adapter/],
    ['packages/pipeline/src/x.ts', "export * from '@earshot/store/elasticsearch';", /adapter/],
    ['packages/bus/src/topic-plan.ts', "import { Kafka } from 'kafkajs';", /only be imported inside packages\/bus\/src\/kafka\//],
    ['packages/store/src/port.ts', "const sqlite = await import('better-sqlite3');", /only be imported inside/],
    ['packages/schema/src/x.ts', "import { x } from '@earshot/nlp/src/analyzer.js';", /import what its package.json exports/],
  ])('%s: %s is refused', async (file, code, reason) => {
    const problems = await layerProblems(file, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it.each([
    ['services/earshot/src/adapters.ts', "import { createKafkaClientBus } from '@earshot/bus/kafka';\nimport { createEnricher } from '@earshot/enricher';"],
    [
      'services/enricher/src/step.ts',
      "import type { Bus } from '@earshot/bus';\nimport { EarshotError } from '@earshot/core';\nimport { ok } from '@earshot/pipeline';",
    ],
    ['services/alerter/src/alerter.test.ts', "import { createEmbeddedBus } from '@earshot/bus/embedded';\nimport Database from 'better-sqlite3';"],
    ['services/api/src/testing/start-test-api.ts', "import { createSqliteStore } from '@earshot/store/sqlite';"],
    ['packages/bus/src/kafka/kafka-bus.ts', "import { Kafka } from 'kafkajs';\nimport { EarshotError } from '@earshot/core';"],
    ['packages/store/src/sqlite/sqlite-store.ts', "import Database from 'better-sqlite3';\nimport { parseTextQuery } from '../fts-query.js';"],
    ['packages/stories/src/x.ts', "import { mentionTime } from '@earshot/schema';"],
  ])('%s may import what its layer allows', async (file, code) => {
    expect(await layerProblems(file, code)).toEqual([]);
  });
});
