import { toHttpOrigin } from './url-policy';

export interface CspOptions {
  /** Dev only: the Vite server (`ELECTRON_RENDERER_URL`). Absent in production. */
  devServerUrl?: string;
  /**
   * `'unsafe-inline'` for styles in production. Off: React's `style={{ width }}` goes through
   * CSSOM, which CSP does not govern, and Tailwind ships as a file. The one thing it blocks is the
   * `<style>` Radix Dialog's scroll lock injects (one console error per dialog; the dialog works,
   * the page behind it keeps its scrollbar). Turn this on only if that ever matters more.
   */
  allowInlineStyles?: boolean;
  /** `<meta http-equiv>` ignores frame-ancestors (and warns about it), so leave it out there. */
  delivery?: 'header' | 'meta';
}

/**
 * The renderer's policy. Production allows nothing but our own files. Dev adds the Vite server,
 * its HMR WebSocket, the inline React Refresh preamble and the `<style>` tags Vite injects.
 */
export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const dev = toHttpOrigin(options.devServerUrl);
  const devWs = dev ? dev.replace(/^http/, 'ws') : undefined;
  const sources = (...list: (string | false | undefined)[]) => list.filter((s): s is string => Boolean(s));
  const inlineStyles = options.allowInlineStyles === true || dev !== undefined;

  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', sources("'self'", dev, dev && "'unsafe-inline'")],
    ['style-src', sources("'self'", dev, inlineStyles && "'unsafe-inline'")],
    ['img-src', sources("'self'", 'data:', dev)],
    ['font-src', sources("'self'", dev)],
    ['connect-src', sources("'self'", dev, devWs)],
    ['worker-src', ["'self'"]],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  if (options.delivery !== 'meta') directives.push(['frame-ancestors', ["'none'"]]);
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export type ResponseHeaders = Record<string, string[]>;

/** Replaces any CSP the server sent (header names are case-insensitive) with ours. */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined, policy: string): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}

/** The part of `Session` this needs; structural so it can be tested without Electron. */
export interface CspSessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; resourceType: string; responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Sends the policy as a response header on our own documents: the dev server's pages and, where
 * Electron's webRequest reaches file:// (it does in current versions), the packaged index.html.
 * A `<meta>` copy in index.html (built with `delivery: 'meta'`) covers the rest.
 */
export function applyContentSecurityPolicy(
  session: CspSessionLike,
  policy: string,
  isAppDocument: (url: string) => boolean,
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    if (!isDocument || !isAppDocument(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}
