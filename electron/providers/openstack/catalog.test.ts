import { describe, expect, it } from 'vitest';
import { pickCatalogEndpoint } from './catalog';
import type { CatalogEntry } from './keystone-wire';

const catalog: CatalogEntry[] = [
  {
    type: 'volumev3',
    endpoints: [{ interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: 'http://alias/v3/p' }],
  },
  {
    type: 'block-storage',
    endpoints: [
      { interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: 'http://one-public/v3/p' },
      { interface: 'internal', region: 'RegionOne', region_id: 'RegionOne', url: 'http://one-internal/v3/p' },
      { interface: 'public', region: 'RegionTwo', region_id: 'RegionTwo', url: 'http://two-public/v3/p' },
    ],
  },
  { type: 'identity', endpoints: [{ interface: 'public', region_id: 'RegionOne', url: 'http://keystone' }] },
];
const cinderTypes = ['block-storage', 'volumev3'];

describe('catalog endpoint choice', () => {
  it('prefers the official type and honours region and interface', () => {
    expect(pickCatalogEndpoint(catalog, cinderTypes, { region: 'RegionOne', interface: 'public', label: 'Cinder' })).toEqual({
      url: 'http://one-public/v3/p',
      region: 'RegionOne',
      interface: 'public',
      serviceType: 'block-storage',
    });
    expect(pickCatalogEndpoint(catalog, cinderTypes, { region: 'RegionOne', interface: 'internal', label: 'Cinder' }).url).toBe('http://one-internal/v3/p');
    expect(pickCatalogEndpoint(catalog, cinderTypes, { region: 'RegionTwo', interface: 'public', label: 'Cinder' }).url).toBe('http://two-public/v3/p');
  });

  it('falls back to the alias type when the official one is missing', () => {
    expect(pickCatalogEndpoint([catalog[0]!], cinderTypes, { interface: 'public', label: 'Cinder' }).serviceType).toBe('volumev3');
  });

  it('asks for a region when several exist, naming them', () => {
    expect(() => pickCatalogEndpoint(catalog, cinderTypes, { interface: 'public', label: 'Cinder' })).toThrow(/several regions \(RegionOne, RegionTwo\)/);
  });

  it('takes the only region when there is one', () => {
    expect(pickCatalogEndpoint(catalog, cinderTypes, { interface: 'internal', label: 'Cinder' }).url).toBe('http://one-internal/v3/p');
  });

  it('names what exists when the region, interface or service is missing', () => {
    expect(() => pickCatalogEndpoint(catalog, cinderTypes, { region: 'RegionNine', interface: 'public', label: 'Cinder' })).toThrow(/region "RegionNine" \(regions: RegionOne, RegionTwo\)/);
    expect(() => pickCatalogEndpoint(catalog, cinderTypes, { interface: 'admin', label: 'Cinder' })).toThrow(/no admin endpoint.*internal, public/);
    expect(() => pickCatalogEndpoint(catalog, ['database'], { interface: 'public', label: 'Trove' })).toThrow(/no Trove service.*block-storage, identity, volumev3/);
  });
});
