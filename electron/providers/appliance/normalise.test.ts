import { describe, expect, it } from 'vitest';
import { backupSchema as domainBackupSchema, kindInfoSchema } from '../../../shared/domain';
import { deviceBaseUrl } from './device-url';
import { explainRefusal, isBackupLimit, readErrorBody } from './errors';
import { applianceCapabilities, applianceKindInfo } from './info';
import { backupState, toDomainBackup } from './normalise';
import { createOptionsSchema } from './options';
import { parseRemoteRef, remoteRefFor } from './remote-ref';
import { applianceSettingsSchema } from './settings';

describe('normalising a backup', () => {
  it('maps the four statuses and keeps the rest for the details pane', () => {
    expect(['completed', 'started', 'uploading', 'failed', 'COMPLETED', '', null].map(backupState)).toEqual(['available', 'creating', 'creating', 'error', 'available', 'unknown', 'unknown']);
    const backup = toDomainBackup(
      { id: '3', status: 'failed', status_message: 'disk full', description: '', size: 0, backup_time: 0, serial: 'VE1', hostname: 'ar11', model: 'SCAN-AR-VE', sw_version: '11.13.0', extra: { a: 1 } },
      'ep',
    );
    expect(domainBackupSchema.parse(backup)).toMatchObject({ id: '3', state: 'error', statusText: 'failed', sizeBytes: 0, device: 'ar11', platform: 'SCAN-AR-VE', version: '11.13.0' });
    expect(backup.name).toBeUndefined();
    expect(backup.createdAt).toBeUndefined();
    expect(backup.details).toEqual({ status_message: 'disk full', serial: 'VE1', extra: '{"a":1}' });
  });
});

describe('settings, options and kind info', () => {
  it('takes a user name and refuses anything else', () => {
    expect(applianceSettingsSchema.parse({ username: ' admin ' })).toEqual({ username: 'admin' });
    expect(applianceSettingsSchema.safeParse({}).error?.issues[0]?.message).toMatch(/Enter the appliance user name/);
    expect(applianceSettingsSchema.safeParse({ username: 'admin', password: 'x' }).error?.issues[0]?.message).toMatch(/Unknown setting password; the only setting is username/);
  });

  it('takes a trimmed description of at most 250 characters', () => {
    expect(createOptionsSchema.parse({ description: '  nightly ' })).toEqual({ description: 'nightly' });
    expect(createOptionsSchema.parse({ description: '   ' })).toEqual({});
    expect(createOptionsSchema.parse({})).toEqual({});
    expect(createOptionsSchema.safeParse({ description: 'x'.repeat(251) }).success).toBe(false);
  });

  it('declares a valid kind with a two-backup limit, and every capability with a reason when off', () => {
    const info = kindInfoSchema.parse(applianceKindInfo);
    expect(info).toMatchObject({ kind: 'appliance', backupLimit: 2, urlOptional: false, secretFields: [{ name: 'password' }], settingFields: [{ name: 'username', defaultValue: 'admin' }] });
    expect(info.factoryResetConsequences).toHaveLength(5);
    const caps = applianceCapabilities();
    expect(Object.entries(caps).filter(([, c]) => c.enabled).map(([n]) => n).sort()).toEqual(['create', 'delete', 'download', 'factoryReset', 'restore', 'upload']);
    for (const c of Object.values(caps)) if (!c.enabled) expect(c.reason).toBeTruthy();
  });
});

describe('small pieces', () => {
  it('strips a pasted REST path from the URL', () => {
    expect(deviceBaseUrl('https://ar.example.com')).toBe('https://ar.example.com/');
    expect(deviceBaseUrl('https://ar.example.com:8443/api/npm.backup/1.0/backups?x=1')).toBe('https://ar.example.com:8443/');
    expect(deviceBaseUrl('https://proxy.example.com/ar11/api')).toBe('https://proxy.example.com/ar11/');
  });

  it('recognises the backup limit by id or wording, and nothing else', () => {
    expect(isBackupLimit({ errorId: 'BACKUP_LIMIT_REACHED' })).toBe(true);
    expect(isBackupLimit({ text: 'Maximum number of backups (2) reached' })).toBe(true);
    expect(isBackupLimit({ text: 'Only two backups may exist at a time' })).toBe(true);
    expect(isBackupLimit({ text: 'description is longer than the limit of 250 characters' })).toBe(false);
    expect(explainRefusal(400, { text: 'Maximum number of backups reached' }, 'create a backup').code).toBe('conflict');
    expect(explainRefusal(415, {}, 'sign in').hint).toMatch(/exactly "application\/json"/);
  });

  it('reads Riverbed error bodies and the text of anything else', () => {
    expect(readErrorBody('{"error_id":"X","error_text":"Bad thing."}')).toEqual({ errorId: 'X', text: 'Bad thing.' });
    expect(readErrorBody('<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1></body></html>')).toEqual({ text: '502 Bad Gateway' });
    expect(readErrorBody('')).toEqual({ text: undefined });
  });

  it('round-trips remote refs with awkward ids', () => {
    for (const ref of [{ op: 'create', backupId: 'a/b c', startedAtMs: 5 } as const, { op: 'restore', backupId: '12', lastRestoreTimeBefore: 1602540247, startedAtMs: 9 } as const]) {
      expect(parseRemoteRef(remoteRefFor(ref))).toEqual(ref);
    }
    expect(parseRemoteRef('restore/x')).toBeUndefined();
  });
});
