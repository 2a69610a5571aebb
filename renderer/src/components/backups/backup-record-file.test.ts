import { describe, expect, it } from 'vitest';
import { checkRecordText, maxRecordBytes, recordFileProblem } from './backup-record-file';

describe('backup record file', () => {
  it('refuses empty and over-1-MB files before reading them', () => {
    expect(recordFileProblem({ name: 'r.json', size: 0 })).toMatch(/empty/);
    expect(recordFileProblem({ name: 'big.json', size: maxRecordBytes + 1 })).toMatch(/too large to be a backup record/);
    expect(recordFileProblem({ name: 'r.json', size: 200 })).toBeUndefined();
  });

  it('accepts the exported record and the bare one', () => {
    const inner = { backup_service: 'cinder.backup.drivers.swift', backup_url: 'eyJzdGF0' };
    expect(checkRecordText(JSON.stringify({ 'backup-record': inner }))).toEqual({ ok: true, preview: { backupService: inner.backup_service, backupUrlLength: 8 } });
    expect(checkRecordText(JSON.stringify(inner)).ok).toBe(true);
  });

  it('says why other files are not records', () => {
    const notJson = checkRecordText('backup_service: x');
    expect(notJson.ok === false && notJson.message).toMatch(/not JSON/);
    for (const text of ['[]', '"x"', '{"backup-record":{"backup_service":"s"}}', '{"backup_url":""}']) {
      const check = checkRecordText(text);
      expect(check.ok === false && check.message).toMatch(/needs "backup_service" and "backup_url"/);
    }
  });
});
