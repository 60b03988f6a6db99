// stoppedServices reads infra/local/stack's status lines; here a stand-in script prints each kind of
// line the real one prints (its status_svc), so the rule is checked without starting any server.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stoppedServices } from './stack-services.js';

const fakeStack = (lines: Record<string, { out: string; code: number }>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-fake-stack-'));
  const script = join(dir, 'stack');
  const cases = Object.entries(lines)
    .map(([svc, { out, code }]) => `  ${svc}) echo '${out}'; exit ${code} ;;`)
    .join('\n');
  writeFileSync(script, `#!/usr/bin/env bash\n[[ $1 == status ]] || exit 2\ncase $2 in\n${cases}\nesac\n`);
  chmodSync(script, 0o755);
  return script;
};

describe('stoppedServices', () => {
  it('counts a server that is up but not healthy yet as running: another run started it', () => {
    const stack = fakeStack({
      kafka: { out: 'Kafka          running, NOT healthy (yet?)  pid 8407    rss   416 MB  log: /x', code: 1 },
      es: { out: 'Elasticsearch  running, healthy  pid 8978    rss   736 MB  127.0.0.1:9200', code: 0 },
    });
    expect(stoppedServices(stack, ['kafka', 'es'])).toEqual([]);
  });

  it('names the services with no process, whatever holds their port', () => {
    const stack = fakeStack({
      kafka: { out: 'Kafka          stopped', code: 1 },
      es: { out: 'Elasticsearch  stopped (but port 9200 is in use by another process)', code: 1 },
    });
    expect(stoppedServices(stack, ['kafka', 'es'])).toEqual(['kafka', 'es']);
    expect(stoppedServices(stack, ['es'])).toEqual(['es']);
  });
});
