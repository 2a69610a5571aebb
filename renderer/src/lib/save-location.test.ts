import { describe, expect, it } from 'vitest';
import {
  destinationOf,
  destinationProblem,
  initialSaveLocation,
  saveLocationReducer,
  suggestedBackupFileName,
  suggestedNewBackupFileName,
  typedPathProblem,
  type SaveLocationState,
} from './save-location';

const conflict = { code: 'conflict' as const, message: 'A file already exists at /tmp/b.tar.gz.', hint: 'Choose another name, or confirm that it may be replaced.' };

describe('save location', () => {
  it('goes with a path the native dialog chose, replacing what is there (the dialog asked)', () => {
    const state = saveLocationReducer(initialSaveLocation, { type: 'answer', choice: { kind: 'chosen', path: '/home/me/b.tar.gz' }, focus: true });
    expect(destinationOf(state)).toEqual({ path: '/home/me/b.tar.gz', overwrite: true });
  });

  it('stays put when the operator cancels the dialog', () => {
    expect(saveLocationReducer(initialSaveLocation, { type: 'answer', choice: { kind: 'cancelled' }, focus: true })).toBe(initialSaveLocation);
    expect(destinationOf(initialSaveLocation)).toBeUndefined();
  });

  it('prefills a typed path in browser mode without overwriting, and keeps what was typed', () => {
    const typed = saveLocationReducer(initialSaveLocation, { type: 'answer', choice: { kind: 'type-it', defaultPath: '/srv/Downloads/b.tar.gz' }, focus: false });
    expect(typed).toMatchObject({ mode: 'typed', path: '/srv/Downloads/b.tar.gz', overwrite: false, focusToken: 0 });
    const edited = saveLocationReducer(typed, { type: 'edit', path: ' /data/b.tar.gz ' });
    expect(destinationOf(edited)).toEqual({ path: '/data/b.tar.gz', overwrite: false });
    const again = saveLocationReducer(edited, { type: 'answer', choice: { kind: 'type-it', defaultPath: '/srv/x' }, focus: true });
    expect(again).toMatchObject({ path: ' /data/b.tar.gz ', focusToken: 1 });
  });

  it('replaces only after a conflict is confirmed, and a new path forgets that', () => {
    let state: SaveLocationState = saveLocationReducer(initialSaveLocation, { type: 'edit', path: '/tmp/b.tar.gz' });
    state = saveLocationReducer(state, { type: 'refused', problem: conflict });
    expect(state.problem?.code).toBe('conflict');
    expect(state.focusToken).toBe(1);
    state = saveLocationReducer(state, { type: 'replace' });
    expect(state.problem).toBeUndefined();
    expect(destinationOf(state)).toEqual({ path: '/tmp/b.tar.gz', overwrite: true });
    state = saveLocationReducer(state, { type: 'edit', path: '/tmp/c.tar.gz' });
    expect(destinationOf(state)?.overwrite).toBe(false);
  });

  it('refuses a blank typed path before sending it', () => {
    expect(typedPathProblem('  ')?.code).toBe('validation');
    expect(typedPathProblem('/tmp/b.tar.gz')).toBeUndefined();
  });
});

describe('destinationProblem', () => {
  it('recognises refusals about the destination', () => {
    expect(destinationProblem(conflict, '/tmp/b.tar.gz')).toEqual(conflict);
    expect(destinationProblem({ code: 'validation', message: 'The folder /nope does not exist.' }, '/nope/b.tar.gz')?.code).toBe('validation');
    expect(destinationProblem({ code: 'validation', message: '“b.tar.gz” is not a full path to a file.' }, 'b.tar.gz')?.code).toBe('validation');
    expect(destinationProblem({ code: 'validation', message: 'The folder C:\\nope does not exist.' }, 'C:\\nope\\b.tar.gz')?.code).toBe('validation');
  });

  it('leaves other refusals with the same codes to the general error', () => {
    expect(destinationProblem({ code: 'conflict', message: 'A create job is already running on lab.' }, '/tmp/b.tar.gz')).toBeUndefined();
    expect(destinationProblem({ code: 'validation', message: 'Backup options: notes is too long' }, '/tmp/b.tar.gz')).toBeUndefined();
    expect(destinationProblem({ code: 'unreachable', message: 'A file already exists at /tmp/b.tar.gz.' }, '/tmp/b.tar.gz')).toBeUndefined();
    expect(destinationProblem(conflict, undefined)).toBeUndefined();
  });
});

describe('suggested file names', () => {
  it("uses the endpoint's file name, else the id with .tar.gz", () => {
    expect(suggestedBackupFileName({ id: 'x', details: { filename: '/tmp/juju-backup-123/juju-backup-20240501-101010.tar.gz' } })).toBe(
      'juju-backup-20240501-101010.tar.gz',
    );
    expect(suggestedBackupFileName({ id: 'x', name: 'nightly.tar.gz', details: {} })).toBe('nightly.tar.gz');
    expect(suggestedBackupFileName({ id: '20240501-101010.abcd', name: 'nightly', details: {} })).toBe('20240501-101010.abcd.tar.gz');
    expect(suggestedBackupFileName({ id: 'a/b', details: { filename: 7 } })).toBe('b.tar.gz');
    expect(suggestedBackupFileName({ id: 'y'.repeat(400), details: {} })).toHaveLength(255);
  });

  it('names a backup still to be created after the endpoint and the time', () => {
    expect(suggestedNewBackupFileName('Prod controller', new Date('2024-05-01T10:20:30.000Z'))).toBe('Prod-controller-2024-05-01-102030.tar.gz');
    expect(suggestedNewBackupFileName('///', new Date('2024-05-01T10:20:30.000Z'))).toBe('backup-2024-05-01-102030.tar.gz');
  });
});
