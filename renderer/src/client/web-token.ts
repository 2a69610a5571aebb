export const tokenStorageKey = 'backupConsole.token';

export interface TokenSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/**
 * Reads the access token once from `#token=…`, keeps it in sessionStorage (so a reload works)
 * and removes it from the visible URL so it does not end up in screenshots or bookmarks.
 */
export function takeWebToken({ location, storage, history }: TokenSources): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    storage.setItem(tokenStorageKey, fromHash);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  return storage.getItem(tokenStorageKey);
}
