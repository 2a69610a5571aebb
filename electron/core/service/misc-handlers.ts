import type { CallHandlers } from '../../../shared/contract';
import type { CoreDeps } from './deps';

type MiscHandlers = Pick<CallHandlers, 'app.info' | 'kinds.list' | 'vault.status' | 'vault.unlock' | 'jobs.list' | 'jobs.cancel'>;

export function miscHandlers(deps: CoreDeps): MiscHandlers {
  return {
    'app.info': async () => deps.appInfo,
    'kinds.list': async () => deps.providers.kinds(),
    'vault.status': async () => deps.secrets.status(),
    'vault.unlock': async ({ passphrase }) => {
      deps.redactor.add(passphrase);
      const status = await deps.secrets.unlock(passphrase);
      deps.log.info('vault unlocked', { kind: status.kind });
      deps.emit('vault.changed', status);
      return status;
    },
    'jobs.list': async () => deps.jobs.list(),
    'jobs.cancel': async ({ jobId }) => {
      const job = deps.jobs.cancel(jobId);
      deps.log.info('job cancel requested', { jobId, kind: job.kind });
      return job;
    },
  };
}
