import { describe, expect, it } from 'vitest';
import {
  applyContentSecurityPolicy,
  buildContentSecurityPolicy,
  withContentSecurityPolicy,
  type CspSessionLike,
  type ResponseHeaders,
} from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as [string, string[]];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('is strict in production', () => {
    const csp = directives(buildContentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
  });

  it('never allows eval or remote hosts in production', () => {
    const policy = buildContentSecurityPolicy();
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/https?:|ws:|\*/);
  });

  it('can allow inline styles when asked', () => {
    expect(directives(buildContentSecurityPolicy({ allowInlineStyles: true })).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('opens exactly the dev server, its HMR socket and inline preamble in development', () => {
    const csp = directives(buildContentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(csp.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(csp.get('style-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('uses wss for an https dev server and ignores a non-http one', () => {
    expect(directives(buildContentSecurityPolicy({ devServerUrl: 'https://127.0.0.1:5443' })).get('connect-src')).toContain('wss://127.0.0.1:5443');
    expect(buildContentSecurityPolicy({ devServerUrl: 'file:///tmp/x' })).toBe(buildContentSecurityPolicy());
  });

  it('leaves frame-ancestors out of the meta variant', () => {
    const meta = buildContentSecurityPolicy({ delivery: 'meta' });
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("default-src 'self'");
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces a server policy whatever its header case, keeping other headers', () => {
    const out = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, "default-src 'self'");
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });

  it('copes with no headers at all (file://)', () => {
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('applyContentSecurityPolicy', () => {
  type Listener = Parameters<CspSessionLike['webRequest']['onHeadersReceived']>[0];
  function install(isApp: (url: string) => boolean): Listener {
    let registered: Listener | undefined;
    applyContentSecurityPolicy({ webRequest: { onHeadersReceived: (l) => (registered = l) } }, 'POLICY', isApp);
    if (!registered) throw new Error('no listener registered');
    return registered;
  }
  function run(listener: Listener, url: string, resourceType: string): { responseHeaders?: ResponseHeaders } {
    let result: { responseHeaders?: ResponseHeaders } | undefined;
    listener({ url, resourceType, responseHeaders: { A: ['1'] } }, (r) => (result = r));
    if (!result) throw new Error('callback not called');
    return result;
  }

  it('adds the header to our documents only', () => {
    const listener = install((url) => url.startsWith('http://localhost:5173'));
    expect(run(listener, 'http://localhost:5173/', 'mainFrame').responseHeaders?.['Content-Security-Policy']).toEqual(['POLICY']);
    expect(run(listener, 'http://localhost:5173/app.js', 'script')).toEqual({});
    expect(run(listener, 'devtools://devtools/x.html', 'mainFrame')).toEqual({});
  });
});
