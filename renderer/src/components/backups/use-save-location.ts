import { useEffect, useReducer, useRef } from 'react';
import { toClientError } from '../../client/client-error';
import {
  destinationOf,
  destinationProblem,
  initialSaveLocation,
  saveLocationReducer,
  typedPathProblem,
  type SaveDestination,
  type SaveLocationState,
} from '../../lib/save-location';
import { useAppInfo } from '../../queries/use-app-info';
import { useChooseSaveLocation } from '../../queries/use-download';

export interface SaveLocation {
  state: SaveLocationState;
  /** The native dialog is open (or main is being asked for the default path). */
  asking: boolean;
  /** `files.chooseSaveLocation` itself failed. */
  askError: unknown;
  /** Opens the save dialog; resolves with a destination only when the operator chose one there. */
  ask(): Promise<SaveDestination | undefined>;
  /** What to send now, asking first when nothing is chosen; undefined means stop (cancelled, or the path needs a look). */
  resolve(): Promise<SaveDestination | undefined>;
  edit(path: string): void;
  /** Shows a refusal of `sentPath` at the field; false when the error was about something else. */
  refused(error: unknown, sentPath: string): boolean;
  /** The operator agreed to replace the file: the destination to send again. */
  replace(): SaveDestination | undefined;
}

/** Whether a failed call is one the save location shows itself (so the dialog need not repeat it). */
export function isDestinationError(error: unknown, sentPath: string | undefined): boolean {
  return Boolean(error) && Boolean(destinationProblem(toClientError(error), sentPath));
}

/**
 * Where a download goes: the desktop's native save dialog, or in browser mode a typed path on the
 * machine running Backup Console. `active`: the location is wanted now (browser mode then learns
 * its default path at once, so the field shows prefilled instead of after the first click).
 */
export function useSaveLocation(suggestedName: string, { active, focusPrefilled }: { active: boolean; focusPrefilled: boolean }): SaveLocation {
  const [state, dispatch] = useReducer(saveLocationReducer, initialSaveLocation);
  const choose = useChooseSaveLocation();
  const { mutate } = choose;
  const { data: appInfo } = useAppInfo();
  const prefilled = useRef(false);

  useEffect(() => {
    // Only browser mode answers without opening anything; the desktop dialog waits for the operator.
    if (!active || appInfo?.host !== 'web' || prefilled.current) return;
    prefilled.current = true;
    mutate(suggestedName, { onSuccess: (choice) => dispatch({ type: 'answer', choice, focus: focusPrefilled }) });
  }, [active, appInfo?.host, suggestedName, focusPrefilled, mutate]);

  async function ask(): Promise<SaveDestination | undefined> {
    const choice = await choose.mutateAsync(suggestedName).catch(() => undefined);
    if (!choice) return undefined;
    dispatch({ type: 'answer', choice, focus: true });
    return choice.kind === 'chosen' ? { path: choice.path, overwrite: true } : undefined;
  }

  async function resolve(): Promise<SaveDestination | undefined> {
    if (state.mode === 'ask') return ask();
    const problem = state.mode === 'typed' ? typedPathProblem(state.path) : undefined;
    if (problem) {
      dispatch({ type: 'refused', problem });
      return undefined;
    }
    return destinationOf(state);
  }

  function refused(error: unknown, sentPath: string): boolean {
    const problem = destinationProblem(toClientError(error), sentPath);
    if (problem) dispatch({ type: 'refused', problem });
    return Boolean(problem);
  }

  function replace(): SaveDestination | undefined {
    dispatch({ type: 'replace' });
    const destination = destinationOf(state);
    return destination && { ...destination, overwrite: true };
  }

  return {
    state,
    asking: choose.isPending,
    askError: choose.error,
    ask,
    resolve,
    edit: (path) => dispatch({ type: 'edit', path }),
    refused,
    replace,
  };
}
