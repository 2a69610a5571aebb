import { describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from '../../../e2e/sims/openstack/trove';
import { fastProvider, recordOperation, rejectionOf, useOpenStackSim } from './test-support/harness';

const { sim, context } = useOpenStackSim();

const project = () => sim().credentials.member.projectId;

describe('Trove provider: Trove\'s own 401 (SwiftAuthError, Forbidden) after a fresh sign-in (simulator)', () => {
  it('shows Trove\'s message and says Trove refused the operation, not the password', async () => {
    sim().trove.faults.swiftAuthFails = true;
    const error = await rejectionOf(fastProvider.createBackup(context(), recordOperation().op, { instance: seededInstanceId(project(), 'orders'), name: 'no-swift' }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain(`Swift account not accessible for tenant ${project()}`);
    expect(error.hint).toMatch(/object storage/);
    expect(error.hint).not.toMatch(/check the user, domain, project and password/i);
    // One sign-in, then one more after the first 401, and no further retries.
    expect(sim().requests().filter((r) => r.path.endsWith('/auth/tokens'))).toHaveLength(2);
  });

  it('does the same for a delete', async () => {
    sim().trove.faults.swiftAuthFails = true;
    const error = await rejectionOf(fastProvider.deleteBackup(context(), seededBackupId(project(), 'billingWeekly'), recordOperation().op));
    expect(error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('Swift account not accessible') });
  });
});
