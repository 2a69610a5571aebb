import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, SecretRedactor } from './logger';

function capture() {
  const lines: string[] = [];
  const redactor = new SecretRedactor();
  const log = createLogger({ redactor, sink: (l) => lines.push(l), level: 'debug' });
  return { lines, redactor, log };
}

describe('logger', () => {
  it('masks a known secret in messages, nested fields, arrays and errors', () => {
    const { lines, redactor, log } = capture();
    redactor.add('hunter2-secret');
    log.info('login with hunter2-secret failed', { nested: { detail: 'token=hunter2-secret' }, list: ['a', 'hunter2-secret'], error: new Error('bad hunter2-secret') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('hunter2-secret');
    expect(lines[0].match(/\[redacted\]/g)).toHaveLength(4);
  });

  it('masks secrets that JSON escaping or URL encoding would change', () => {
    const { lines, redactor, log } = capture();
    const tricky = 'pa"ss\\w0rd&x=1';
    redactor.add(tricky);
    log.warn('request failed', { url: `https://h/?p=${encodeURIComponent(tricky)}`, body: JSON.stringify({ password2: tricky }) });
    log.error(`raw ${tricky}`);
    for (const line of lines) {
      expect(line).not.toContain(encodeURIComponent(tricky));
      expect(line).not.toContain(JSON.stringify(tricky).slice(1, -1));
      expect(JSON.parse(line).message).not.toContain(tricky);
    }
  });

  it('masks fields whose names look secret, whatever their value', () => {
    const { lines, log } = capture();
    log.info('auth', { password: 'p1', apiToken: 't1', privateKey: 'k1', user: 'admin' });
    const record = JSON.parse(lines[0]);
    expect(record).toMatchObject({ password: '[redacted]', apiToken: '[redacted]', privateKey: '[redacted]', user: 'admin' });
  });

  it('keeps child fields and drops lines under the level', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => lines.push(l), level: 'info' }).child({ endpoint: 'lab' });
    log.debug('hidden');
    log.info('shown');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ message: 'shown', endpoint: 'lab', level: 'info' });
  });

  it('never throws when its file cannot be written (a full disk, a removed folder): says so once on stderr and carries on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-log-'));
    const file = join(dir, 'logs', 'main.log');
    const lines: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const log = createLogger({ file, sink: (l) => lines.push(l) });
      log.info('first');
      rmSync(dir, { recursive: true, force: true });
      const child = log.child({ job: 'j1' });
      expect(() => log.warn('the folder is gone')).not.toThrow();
      expect(() => child.error('still gone')).not.toThrow();
      expect(lines).toHaveLength(3);
      const reports = stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.includes('cannot write its log'));
      expect(reports).toEqual([expect.stringMatching(/^Backup Console cannot write its log .*main\.log \(ENOENT\); log lines are dropped until it can\.\n$/)]);
    } finally {
      stderr.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
