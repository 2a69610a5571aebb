import { describe, expect, it } from 'vitest';
import { applianceCreateOptions, initialApplianceCreateDraft, validateApplianceCreate } from './create-options';

describe('appliance create options', () => {
  it('sends nothing for an empty form and the trimmed description otherwise', () => {
    expect(applianceCreateOptions(initialApplianceCreateDraft())).toEqual({});
    expect(applianceCreateOptions({ description: '   ' })).toEqual({});
    expect(applianceCreateOptions({ description: '  before firmware 9.2 ' })).toEqual({ description: 'before firmware 9.2' });
  });

  it('refuses more than 250 characters, saying how many there are', () => {
    expect(validateApplianceCreate({ description: 'x'.repeat(250) }).description).toBeUndefined();
    expect(validateApplianceCreate({ description: 'x'.repeat(251) }).description).toMatch(/250.*251/);
  });
});
