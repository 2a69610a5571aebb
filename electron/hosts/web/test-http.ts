import { request } from 'node:http';

export interface RawResponse {
  status: number;
  body: string;
}

/** node:http rather than fetch, because tests must forge Host and Origin headers that fetch refuses to set. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Calls the contract the way the renderer does in browser mode. */
export async function callApi(port: number, token: string, name: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const res = await rawRequest(port, {
    method: 'POST',
    path: `/api/call/${name}`,
    headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}
