/**
 * Which URLs belong to the app and which may be handed to the OS browser.
 * Pure: the navigation guard, the trusted-sender check and the CSP wiring share it.
 */
export interface AppOrigin {
  /** `file://…/out/renderer/index.html` of this install (what `loadFile` shows). */
  rendererFileUrl: string;
  /** The Vite dev server origin, only in development. */
  devServerOrigin?: string;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Decoded path, so `%20` and a literal space (or `C:` and `c:` on Windows) compare equal. */
function filePath(url: URL, caseInsensitive: boolean): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  return caseInsensitive ? path.toLowerCase() : path;
}

/** Normalises `http://localhost:5173/` and friends to an origin, or undefined when it is not http(s). */
export function toHttpOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  return parsed.origin;
}

/**
 * True for our own renderer document (any hash or query, since the UI routes with them) or a
 * page on the dev server. Everything else, including other local files, is foreign.
 */
export function isAppUrl(url: string, app: AppOrigin, platform: NodeJS.Platform = process.platform): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'file:') {
    const expected = parse(app.rendererFileUrl);
    if (!expected || expected.protocol !== 'file:' || parsed.host !== expected.host) return false;
    const caseInsensitive = platform === 'win32';
    const actualPath = filePath(parsed, caseInsensitive);
    return actualPath !== undefined && actualPath === filePath(expected, caseInsensitive);
  }
  const devOrigin = toHttpOrigin(app.devServerOrigin);
  return devOrigin !== undefined && parsed.origin === devOrigin;
}

/** Only plain web links leave the app, and never ones carrying credentials. */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname !== '';
}
