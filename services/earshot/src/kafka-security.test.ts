import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaSasl, kafkaTls } from './kafka-security.js';

// Our own throw-away PEM-shaped text (not a real certificate: only the armour is checked here).
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('kafka security settings', () => {
  it('reads PEM files, takes inline PEM as it is, and passes booleans through', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-tls-'));
    writeFileSync(join(dir, 'ca.pem'), PEM);
    expect(kafkaTls({ ca: join(dir, 'ca.pem'), rejectUnauthorized: true })).toEqual({ ca: PEM, cert: undefined, key: undefined, rejectUnauthorized: true });
    expect(kafkaTls({ ca: PEM, rejectUnauthorized: false })).toMatchObject({ ca: PEM, rejectUnauthorized: false });
    expect(kafkaTls(true)).toBe(true);
    expect(kafkaTls(undefined)).toBeUndefined();
  });

  it('names the setting when a PEM file is missing or not PEM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earshot-tls-'));
    writeFileSync(join(dir, 'not.pem'), 'hello');
    expect(() => kafkaTls({ ca: join(dir, 'missing.pem'), rejectUnauthorized: true })).toThrow(/bus\.tls\.ca: cannot use .*missing\.pem/);
    expect(() => kafkaTls({ cert: join(dir, 'not.pem'), key: PEM, rejectUnauthorized: true })).toThrow(/bus\.tls\.cert: .*no PEM block/);
  });

  it('gets an OAUTHBEARER token from a command each time, or a fixed one', async () => {
    const fromCommand = kafkaSasl({ mechanism: 'oauthbearer', tokenCommand: 'printf " tok-%s\\n" abc' });
    expect(fromCommand?.mechanism === 'oauthbearer' && (await fromCommand.token())).toBe('tok-abc');
    const fixed = kafkaSasl({ mechanism: 'oauthbearer', token: 'static' });
    expect(fixed?.mechanism === 'oauthbearer' && (await fixed.token())).toBe('static');
    const failing = kafkaSasl({ mechanism: 'oauthbearer', tokenCommand: 'exit 3' });
    await expect(failing?.mechanism === 'oauthbearer' ? failing.token() : Promise.resolve('')).rejects.toThrow(/bus\.sasl\.tokenCommand failed/);
  });

  it('passes user and password mechanisms through', () => {
    expect(kafkaSasl({ mechanism: 'scram-sha-256', username: 'u', password: 'p' })).toEqual({ mechanism: 'scram-sha-256', username: 'u', password: 'p' });
  });
});
