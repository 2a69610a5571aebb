import { describe, expect, it } from 'vitest';
import { capabilitiesSchema, kindInfoSchema } from '../../../shared/domain';
import { EndpointMemo } from '../../core/endpoint-memo';
import { createProviderRegistry } from '../registry';
import { makeEndpoint } from './test-support/harness';
import { troveProvider } from './provider';

describe('Trove kind info and capabilities', () => {
  it('is registered and declares its forms, filters and settings', () => {
    const info = createProviderRegistry().get('trove').info;
    expect(kindInfoSchema.parse(info)).toEqual(info);
    expect(info).toMatchObject({ label: 'OpenStack Trove', hasCreateOptions: true, hasRestoreOptions: true });
    expect(info.listFilters.map((f) => f.name)).toEqual(['instance_id', 'datastore']);
    expect(info.secretFields.map((f) => f.name)).toEqual(['password', 'application_credential_secret']);
    expect(info.restoreWarning).toMatch(/NEW database instance/);
  });

  it('offers create, restore and delete; no cancel, no record export/import, no asset backup', () => {
    const caps = troveProvider.capabilities(makeEndpoint('http://127.0.0.1:1/identity/v3', { username: 'u', password: 'p', userDomainName: 'Default', projectName: 'p', projectId: 'x', userId: 'y' }), new EndpointMemo());
    expect(capabilitiesSchema.parse(caps)).toEqual(caps);
    expect([caps.create, caps.restore, caps.delete].every((c) => c.enabled)).toBe(true);
    expect(caps.cancelCreate).toEqual({ enabled: false, reason: 'Trove has no way to cancel a running backup/instance build' });
    expect(caps.cancelRestore.enabled).toBe(false);
    expect(caps.exportRecord.enabled || caps.importRecord.enabled || caps.backupAsset.enabled).toBe(false);
  });
});
