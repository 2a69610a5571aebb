import { describe, expect, it } from 'vitest';
import { kindUi, restoreNeedsConfirmation } from './registry';

describe('restore confirmation rule', () => {
  it('mirrors main: Pieces always, Cinder only over an existing volume, Trove never', () => {
    expect(restoreNeedsConfirmation(kindUi('pieces'), undefined)).toBe(true);
    expect(restoreNeedsConfirmation(kindUi('cinder'), { target: 'existing', volume_id: 'v' })).toBe(true);
    expect(restoreNeedsConfirmation(kindUi('cinder'), { target: 'new' })).toBe(false);
    expect(restoreNeedsConfirmation(kindUi('trove'), { name: 'n' })).toBe(false);
  });
});
