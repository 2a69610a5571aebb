import { describe, expect, it } from 'vitest';
import { restoreConfirmationFor } from './restore-confirmation';

describe('restore confirmation rule (main enforces it, the renderer asks for it)', () => {
  it('asks Pieces for the backup id, always', () => {
    expect(restoreConfirmationFor('pieces', 'b-1', undefined)).toEqual({ text: 'b-1', what: 'the backup id' });
  });

  it('asks Cinder for the id of the volume that will be overwritten, and for nothing when restoring to a new volume', () => {
    expect(restoreConfirmationFor('cinder', 'b-1', { target: 'existing', volume_id: 'vol-9' })).toEqual({
      text: 'vol-9',
      what: 'the id of the volume that will be overwritten',
    });
    expect(restoreConfirmationFor('cinder', 'b-1', { target: 'new', name: 'x' })).toBeNull();
    expect(restoreConfirmationFor('cinder', 'b-1', {})).toBeNull();
  });

  it('never asks Trove: its restore builds a new instance', () => {
    expect(restoreConfirmationFor('trove', 'b-1', { name: 'n', flavorRef: '2' })).toBeNull();
  });
});
