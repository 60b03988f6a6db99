// `earshot search` as a shell user meets it: a store path that does not exist is refused (and not
// created), a reader that stops early (`| head`) ends the command quietly, and the filters the API
// has work here too.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_MENTIONS } from '@earshot/store/contract';
import { createSqliteStore } from '@earshot/store/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { runEarshot, startEarshot } from './support/earshot-cli.js';

describe('earshot search on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-search-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (store: string) => {
    const file = join(dir, `${store}.yaml`);
    writeFileSync(file, `brands: [{ id: acme, name: Acme }]\nstore: { kind: sqlite, path: "${join(dir, store)}" }\n`);
    return file;
  };

  it('refuses a store path that does not exist, and does not create it', async () => {
    const res = await runEarshot(['search', 'acme', '--config', config('missing.db')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`no store at ${join(dir, 'missing.db')}`);
    expect(res.stderr).toContain('run `earshot run` with this config first');
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });

  it('ends quietly when the reader closes the pipe (search … | head)', async () => {
    const store = createSqliteStore({ path: join(dir, 'empty.db') });
    await store.init();
    await store.close();
    const child = startEarshot(['search', '--config', config('empty.db')]);
    child.stdout!.destroy(); // the reader is gone before the first line
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('lists the mentions the collector cut, and names the values it takes', async () => {
    const store = createSqliteStore({ path: join(dir, 'seeded.db') });
    await store.init();
    await store.upsertMentions(CONTRACT_MENTIONS);
    await store.close();
    const res = await runEarshot(['search', '--shortened', 'markup', '--json', '--config', config('seeded.db')]);
    expect(res.code).toBe(0);
    expect((JSON.parse(res.stdout) as { mentions: { id: string; shortened?: string }[] }).mentions).toEqual([
      expect.objectContaining({ id: 'm0071', shortened: 'markup' }),
    ]);
    const wrong = await runEarshot(['search', '--shortened', 'yes', '--config', config('seeded.db')]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/--shortened <cut>' argument 'yes' is invalid\. Allowed choices are markup, text/);
  });

  it('narrows to posts addressed to the brand or leaves them out, and finds words without their diacritics', async () => {
    const store = createSqliteStore({ path: join(dir, 'accounts.db') });
    await store.init();
    await store.upsertMentions(CONTRACT_MENTIONS);
    await store.close();
    const ids = async (...args: string[]) => {
      const res = await runEarshot(['search', ...args, '--json', '--config', config('accounts.db')]);
      expect(res.stderr).toBe('');
      return (JSON.parse(res.stdout) as { mentions: { id: string }[] }).mentions.map((m) => m.id).sort();
    };
    expect(await ids('--brand-account', 'to-brand')).toEqual(['m0072']);
    expect(await ids('--brand', 'acme', '--exclude-brand-account', 'to-brand')).toEqual(['m0070', 'm0071']);
    expect(await ids('tousid')).toEqual(['m0005']); // "Hinnad tõusid jälle"
    const wrong = await runEarshot(['search', '--exclude-brand-account', 'brand', '--config', config('accounts.db')]);
    expect(wrong.stderr).toMatch(/argument 'brand' is invalid\. Allowed choices are by-brand, to-brand/);
  });
});
