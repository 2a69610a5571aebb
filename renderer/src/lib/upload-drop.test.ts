import { describe, expect, it } from 'vitest';
import type { EndpointView } from '../../../shared/contract';
import { capabilityNames, type Capabilities } from '../../../shared/domain';
import { carriesFiles, draggedFileCount, dropVerdict } from './upload-drop';

function endpoint(upload: { enabled: boolean; reason?: string }): EndpointView {
  const capabilities = Object.fromEntries(capabilityNames.map((name) => [name, { enabled: true }])) as Capabilities;
  return {
    id: 'e1',
    kind: 'appliance',
    name: 'Edge box',
    url: 'https://10.0.0.1',
    timeoutMs: 30_000,
    tls: {},
    settings: {},
    secretFields: [],
    capabilities: { ...capabilities, upload },
  } as unknown as EndpointView;
}

describe('dropVerdict', () => {
  it('names where the file goes', () => {
    expect(dropVerdict(endpoint({ enabled: true }), 1)).toMatchObject({ ok: true, message: 'Drop to upload to Edge box' });
  });

  it('says why not: several files, no endpoint, or the endpoint’s own reason', () => {
    expect(dropVerdict(endpoint({ enabled: true }), 3)).toEqual({ ok: false, message: expect.stringMatching(/One file at a time.*3/) });
    expect(dropVerdict(undefined, 1)).toEqual({ ok: false, message: 'Select an endpoint that takes backup files first' });
    expect(dropVerdict(endpoint({ enabled: false, reason: 'OpenStack Cinder backups cannot be uploaded.' }), 1)).toEqual({
      ok: false,
      message: 'OpenStack Cinder backups cannot be uploaded.',
    });
    expect(dropVerdict(endpoint({ enabled: false }), 1)).toEqual({ ok: false, message: 'Select an endpoint that takes backup files first' });
  });
});

describe('drag contents', () => {
  it('counts only file drags, and an unlisted file drag as one', () => {
    expect(carriesFiles({ types: ['text/plain'] })).toBe(false);
    expect(carriesFiles({ types: ['Files'] })).toBe(true);
    expect(carriesFiles(null)).toBe(false);
    const item = (kind: string) => ({ kind }) as DataTransferItem;
    const list = <T,>(values: T[]) => values as unknown as DataTransferItemList & FileList;
    expect(draggedFileCount({ items: list([item('file'), item('string'), item('file')]), files: list([]) })).toBe(2);
    expect(draggedFileCount({ items: list([]), files: list([]) })).toBe(1);
    expect(draggedFileCount(null)).toBe(0);
  });
});
