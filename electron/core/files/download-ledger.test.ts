import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { DownloadLedger } from './download-ledger';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-ledger-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entryFor = (path: string, bytes: number) => ({ path, bytes, sha256: 'ab'.repeat(32), endpointId: 'e1', endpointName: 'Lab appliance', endpointKind: 'appliance', backupId: '7' });

describe('DownloadLedger', () => {
  it('recognises a saved file by path (same size and modification time) and, in browser mode, by name and size; survives a restart', async () => {
    const file = join(dir, 'downloads.json');
    const saved = join(dir, 'box.backup.tgz');
    writeFileSync(saved, 'x'.repeat(10));
    await (await DownloadLedger.open(file, silentLogger)).record(entryFor(saved, 10));

    const ledger = await DownloadLedger.open(file, silentLogger);
    expect(await ledger.match({ name: 'box.backup.tgz', sizeBytes: 10, path: saved })).toMatchObject({ matchedBy: 'path', entry: { endpointName: 'Lab appliance', backupId: '7' } });
    expect(await ledger.match({ name: 'box.backup.tgz', sizeBytes: 10 })).toMatchObject({ matchedBy: 'name-and-size' });
    expect(await ledger.match({ name: 'box.backup.tgz', sizeBytes: 11 })).toBeUndefined();
    expect(ledger.bySha256('ab'.repeat(32))?.path).toBe(saved);

    // Edited since it was saved: no longer vouched for.
    utimesSync(saved, new Date(), new Date(Date.now() + 60_000));
    expect(await ledger.match({ name: 'box.backup.tgz', sizeBytes: 10, path: saved })).toBeUndefined();
  });

  it('starts empty when its file is corrupt, keeping the bad bytes aside', async () => {
    const file = join(dir, 'downloads.json');
    writeFileSync(file, '{not json');
    const ledger = await DownloadLedger.open(file, silentLogger);
    expect(await ledger.match({ name: 'a', sizeBytes: 1 })).toBeUndefined();
    await ledger.record(entryFor(join(dir, 'a'), 1));
    expect(JSON.parse(readFileSync(file, 'utf8')).downloads).toHaveLength(1);
  });
});
