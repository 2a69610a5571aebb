import { spawn } from 'node:child_process';

export interface CurlTarget {
  /** https://127.0.0.1:<port> of the simulator. */
  url: string;
  /** The name the simulator's certificate is issued for; curl resolves it to the loopback port. */
  certName: string;
  caFile: string;
  token: string;
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`curl exited ${code}: ${stderr.trim()}`))));
  });
}

/** curl verifies the simulator's certificate by its name, like the app verifies it by its pinned fingerprint. */
function common(target: CurlTarget, path: string): string[] {
  const { port } = new URL(target.url);
  return ['--silent', '--show-error', '--fail', '--cacert', target.caFile, '--resolve', `${target.certName}:${port}:127.0.0.1`, '-H', `Authorization: Bearer ${target.token}`, `https://${target.certName}:${port}/api/npm.backup/1.0/${path}`];
}

/** `-T` streams the file (`--data-binary @file` would read it whole into memory first). */
export const curlUpload = (target: CurlTarget, file: string) =>
  run(['-X', 'POST', '-T', file, '-H', 'Content-Type: application/octet-stream', '-H', 'Expect:', ...common(target, 'backups/upload')]);

export const curlDownload = (target: CurlTarget, backupId: string, file: string) => run(['-o', file, ...common(target, `backups/items/${encodeURIComponent(backupId)}/file`)]);
