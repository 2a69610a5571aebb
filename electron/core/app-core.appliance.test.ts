import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CertificateInfo, UploadCheck } from '../../shared/contract';
import type { Job } from '../../shared/domain';
import { leftoverParts } from './files/test-kit';
import { useApplianceCore } from './test-support/appliance-core';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('appliance endpoints through the core: every operation', () => {
  const h = useApplianceCore();
  beforeEach(() => h.sim.reset());

  it('creates (description), downloads with the SHA-256 shown and remembered, deletes, and uploads the saved file back', async () => {
    const endpointId = h.endpoint.id;
    const created = await h.finished(await h.call<Job>('backups.create', { endpointId, options: { description: 'before the firmware upgrade' } }));
    expect(created.state, created.error?.message).toBe('succeeded');
    const backup = (await h.backups()).find((b) => b.name === 'before the firmware upgrade')!;
    expect(backup).toMatchObject({ state: 'available', statusText: 'completed' });

    const path = join(h.files, 'lab.backup.tgz');
    const download = await h.finished(await h.call<Job>('backups.download', { endpointId, backupId: backup.id, destination: { path } }));
    expect(download.state, download.error?.message).toBe('succeeded');
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString('hex')).toBe('1f8b');
    expect(download.savedFile).toEqual({ path, bytes: bytes.length, sha256: sha256(bytes) });
    expect(download.progress).toMatchObject({ bytesDone: bytes.length, bytesTotal: bytes.length });
    expect(leftoverParts(path)).toEqual([]);

    const check = await h.call<UploadCheck>('backups.inspectUpload', { endpointId, file: { name: 'lab.backup.tgz', sizeBytes: bytes.length, path } });
    expect(check).toMatchObject({ problems: [], warnings: [], knownDownload: { endpointName: 'Lab appliance', backupId: backup.id, sha256: sha256(bytes), matchedBy: 'path' } });

    const deleted = await h.finished(await h.call<Job>('backups.delete', { endpointId, backupId: backup.id, confirmation: backup.id }));
    expect(deleted.state).toBe('succeeded');
    expect((await h.backups()).map((b) => b.id)).not.toContain(backup.id);

    h.t.core.allowUploadPath(path);
    const upload = await h.finished(await h.call<Job>('backups.upload', { endpointId, path, warningsAccepted: false }));
    expect(upload.state, upload.error?.message).toBe('succeeded');
    expect(upload.progress).toMatchObject({ bytesDone: bytes.length, bytesTotal: bytes.length });
    expect(upload.outcome).toContain(`byte for byte the backup ${backup.id}`);
    const uploaded = h.sim.state.backups.find((b) => b.id === upload.backupId)!;
    expect(uploaded).toMatchObject({ status: 'completed', size: bytes.length });
  });

  it('asks before uploading a file this app did not download, and refuses what is not a gzip archive before sending a byte', async () => {
    const endpointId = h.endpoint.id;
    const foreign = join(h.files, 'from-a-colleague.tgz');
    writeFileSync(foreign, gzipSync(Buffer.from('some appliance backup')));
    const check = await h.call<UploadCheck>('backups.inspectUpload', { endpointId, file: { name: 'from-a-colleague.tgz', sizeBytes: 10, path: foreign } });
    expect(check.problems).toEqual([]);
    expect(check.warnings[0]).toMatch(/did not download this file/);
    expect((await h.t.failure('backups.upload', { endpointId, path: foreign, warningsAccepted: true })).message).toMatch(/not dropped or picked/);
    h.t.core.allowUploadPath(foreign);
    expect((await h.t.failure('backups.upload', { endpointId, path: foreign })).message).toMatch(/did not download this file/);

    const zip = join(h.files, 'not-a-backup.tgz');
    writeFileSync(zip, 'PK\u0003\u0004 a zip file');
    const requestsBefore = h.sim.state.requests.filter((r) => r.path.endsWith('/upload')).length;
    expect((await h.call<UploadCheck>('backups.inspectUpload', { endpointId, file: { name: 'x', sizeBytes: 1, path: zip } })).problems[0]).toMatch(/gzip/);
    h.t.core.allowUploadPath(zip);
    expect((await h.t.failure('backups.upload', { endpointId, path: zip, warningsAccepted: true })).message).toMatch(/gzip/);
    expect(h.sim.state.requests.filter((r) => r.path.endsWith('/upload')).length).toBe(requestsBefore);

    const accepted = await h.finished(await h.call<Job>('backups.upload', { endpointId, path: foreign, warningsAccepted: true }));
    expect(accepted.state, accepted.error?.message).toBe('succeeded');
  });

  it('at the two-backup limit explains the refusal, and deletes the oldest first when the operator typed its id', async () => {
    const endpointId = h.endpoint.id;
    expect((await h.finished(await h.call<Job>('backups.create', { endpointId, options: { description: 'second' } }))).state).toBe('succeeded');
    const [oldest] = [...(await h.backups())].sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
    const refused = await h.finished(await h.call<Job>('backups.create', { endpointId, options: { description: 'third' } }));
    expect(refused.state).toBe('failed');
    expect(refused.error?.code).toBe('conflict');
    expect(refused.error?.message).toMatch(/two backups|2 backups/i);

    expect((await h.t.failure('backups.create', { endpointId, deleteFirst: { backupId: oldest.id, confirmation: 'yes' } })).code).toBe('confirmation-mismatch');
    const made = await h.finished(await h.call<Job>('backups.create', { endpointId, options: { description: 'third' }, deleteFirst: { backupId: oldest.id, confirmation: oldest.id } }));
    expect(made.state, made.error?.message).toBe('succeeded');
    expect(made.milestones[0]).toMatch(new RegExp(`Deleting backup ${oldest.id} first`));
    const ids = (await h.backups()).map((b) => b.id);
    expect(ids).not.toContain(oldest.id);
    expect(ids).toHaveLength(2);
  });

  it('restores through the reboot: rides out refused connections, signs in again, shows the stages', async () => {
    const endpointId = h.endpoint.id;
    const [backup] = await h.backups();
    expect((await h.t.failure('backups.restore', { endpointId, backupId: backup.id, confirmation: 'wrong' })).code).toBe('confirmation-mismatch');
    const restored = await h.finished(await h.call<Job>('backups.restore', { endpointId, backupId: backup.id, confirmation: backup.id }), 30_000);
    expect(restored.state, restored.error?.message).toBe('succeeded');
    expect(restored.milestones).toEqual(['Restore started', 'Appliance rebooting', 'Signing in again', 'Appliance back']);
    // Refused connections were met while it rebooted, and the app signed in again afterwards.
    const requests = h.sim.state.requests;
    const restoreAt = requests.findIndex((r) => r.path.endsWith(`/backups/items/${backup.id}/restore`));
    expect(requests.slice(restoreAt).some((r) => r.method === 'POST' && r.path.includes('/token'))).toBe(true);
    expect(h.sim.state.restores).toBe(1);
    expect((await h.backups()).length).toBeGreaterThan(0);
  });

  it('factory reset needs the endpoint name typed, and then wipes the appliance', async () => {
    const endpointId = h.endpoint.id;
    const wrong = await h.t.failure('endpoints.factoryReset', { endpointId, confirmation: 'lab appliance' });
    expect(wrong.code).toBe('confirmation-mismatch');
    expect(h.sim.state.factoryResets).toBe(0);
    const reset = await h.finished(await h.call<Job>('endpoints.factoryReset', { endpointId, confirmation: 'Lab appliance' }), 30_000);
    expect(reset.kind).toBe('factory-reset');
    // The appliance comes back with a new self-signed certificate, which the pinned trust refuses:
    // the app cannot see the end, says so, and gives the new fingerprint to check on the console.
    expect(reset.state, reset.error?.message).toBe('interrupted');
    expect(reset.outcome).toMatch(/factory reset has started/i);
    expect(reset.outcome).toContain(h.sim.fingerprint256);
    for (let i = 0; i < 200 && h.sim.state.rebootPhase !== 'none'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(h.sim.state.factoryResets).toBe(1);
    expect(h.sim.state.backups).toEqual([]);
  });
});

describe('appliance transfers that break off', () => {
  const h = useApplianceCore({ seededBackupBytes: 2 * 1024 * 1024 });
  beforeEach(() => h.sim.reset());

  it('a download dropped midway fails with a clear reason and leaves no file, complete-looking or partial', async () => {
    const [backup] = await h.backups();
    h.sim.faults.dropDownloadAfterBytes = 700_000;
    const path = join(h.files, 'dropped.tgz');
    const job = await h.finished(await h.call<Job>('backups.download', { endpointId: h.endpoint.id, backupId: backup.id, destination: { path } }));
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/broke off|nothing was kept/i);
    expect(existsSync(path)).toBe(false);
    expect(leftoverParts(path)).toEqual([]);
    expect(job.savedFile).toBeUndefined();
  });

  it('an upload dropped midway fails with a clear reason, and the appliance lists nothing new', async () => {
    const before = h.sim.state.backups.map((b) => b.id);
    const path = join(h.files, 'big.tgz');
    writeFileSync(path, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(3 * 1024 * 1024, 7)]));
    h.sim.faults.dropUploadAfterBytes = 1_000_000;
    h.t.core.allowUploadPath(path);
    const job = await h.finished(await h.call<Job>('backups.upload', { endpointId: h.endpoint.id, path, warningsAccepted: true }));
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/upload/i);
    expect(job.error?.message).toMatch(/kept nothing/i);
    expect(h.sim.state.backups.map((b) => b.id)).toEqual(before);
    expect(existsSync(path)).toBe(true);
  });

  it('a download outlives its sign-in token (slow link, short token life), and the next call signs in again', async () => {
    const [backup] = await h.backups();
    h.sim.faults.slowLinkBytesPerSecond = 1024 * 1024;
    const path = join(h.files, 'slow.tgz');
    const job = await h.call<Job>('backups.download', { endpointId: h.endpoint.id, backupId: backup.id, destination: { path } });
    const tokenPosts = () => h.sim.state.requests.filter((r) => r.method === 'POST' && r.path.includes('/token')).length;
    // Expire every token only once bytes are flowing: the transfer is under way on the old token.
    for (let i = 0; i < 400; i++) {
      const running = (await h.call<Job[]>('jobs.list')).find((j) => j.id === job.id)!;
      if ((running.progress.bytesDone ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const signInsBefore = tokenPosts();
    h.sim.expireTokens();
    const ended = await h.finished(job, 30_000);
    expect(ended.state, ended.error?.message).toBe('succeeded');
    expect(readFileSync(path).length).toBe(backup.sizeBytes);
    expect(tokenPosts()).toBe(signInsBefore);
    h.sim.faults.slowLinkBytesPerSecond = undefined;
    expect((await h.backups()).length).toBeGreaterThan(0);
    expect(tokenPosts()).toBe(signInsBefore + 1);
  });
});

describe('appliance certificate trust', () => {
  const h = useApplianceCore();

  it('shows the certificate before it is trusted, and refuses a changed certificate with both fingerprints', async () => {
    const info = await h.call<CertificateInfo>('endpoints.inspectCertificate', { url: h.sim.url });
    expect(info).toMatchObject({ fingerprint256: h.sim.fingerprint256, selfSigned: true });
    expect(info.verificationError).toBeDefined();
    expect((await h.backups()).length).toBeGreaterThan(0);

    const accepted = h.sim.fingerprint256;
    h.sim.regenerateCertificate();
    const refused = await h.t.failure('backups.list', { endpointId: h.endpoint.id });
    expect(refused.code).toBe('certificate-changed');
    expect(refused.message).toContain(h.sim.fingerprint256);
    expect(refused.message).toContain(accepted);
    const requestsAfter = h.sim.state.requests.length;
    await h.t.failure('backups.list', { endpointId: h.endpoint.id });
    expect(h.sim.state.requests.length).toBe(requestsAfter);
  });
});
