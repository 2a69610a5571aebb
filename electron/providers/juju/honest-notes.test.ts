import { describe, expect, it } from 'vitest';
import { EndpointMemo } from '../../core/endpoint-memo';
import { jujuCapabilities, jujuKindInfo } from './info';
import { createdOutcome } from './outcomes';
import { SocketClosedError } from './rpc-connection';
import { backupsMetadataSchema } from './wire-schemas';

const pending = backupsMetadataSchema.parse({ id: '20240101-120000.8f2a', size: 1_000_000, filename: '/tmp/juju-backup-20240101-120000.tar.gz', stored: '0001-01-01T00:00:00Z' });

describe('what the Juju provider promises', () => {
  it('does not promise that any part of a create can be stopped', () => {
    expect(jujuKindInfo.cancelCreateNote).not.toMatch(/can be stopped/i);
    expect(jujuKindInfo.cancelCreateNote).toContain('cannot be cancelled');
    expect(jujuCapabilities({} as never, new EndpointMemo()).cancelCreate.enabled).toBe(false);
  });

  it('on 4.x does not tell the operator to download what 4.x cannot serve', () => {
    const text = createdOutcome(pending, 'pending', '4.0.12');
    expect(text).not.toMatch(/download it to keep it/i);
    expect(text).toContain('cannot download it');
    expect(text).toContain('juju scp -m controller 0:/tmp/juju-backup-20240101-120000.tar.gz .');
  });

  it('on 3.x says the backup leaves this list at restart but stays on the controller until downloaded', () => {
    const text = createdOutcome(pending, 'pending', '3.6.14');
    expect(text).toContain('disappears from this list when Backup Console restarts');
    expect(text).toContain('juju download-backup /tmp/juju-backup-20240101-120000.tar.gz');
  });

  it('tells a socket closed by our own ping check apart from one the controller dropped', () => {
    const ours = new SocketClosedError('wss://c/api', 'dropped', 'ping-check');
    const theirs = new SocketClosedError('wss://c/api', 'dropped');
    expect(ours.message).toContain('closed by Backup Console: the controller stopped answering pings');
    expect(ours.closedBy).toBe('ping-check');
    expect(theirs.message).toBe('The connection to the controller at wss://c/api closed (dropped).');
  });
});
