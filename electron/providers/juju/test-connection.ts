import type { ConnectionTest } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ProviderContext } from '../provider';
import { lookUpControllerModel } from './discover-model';
import { storedBackupsAvailable } from './info';
import { withJuju, type JujuSession } from './session';
import type { JujuTiming } from './timing';
import { backupsListResultSchema } from './wire-schemas';
import { parseWire } from './wire-parse';

/** Proves the model is the controller model: List where it exists, else the model named "controller" on `/api`. */
async function probe(session: JujuSession, ctx: ProviderContext, timing: JujuTiming): Promise<string> {
  if (storedBackupsAvailable(session.facts)) {
    const list = parseWire(backupsListResultSchema, await session.backups('List', {}, 'list the backups'), 'Backups.List').list;
    return `${list.length} backup${list.length === 1 ? '' : 's'} stored`;
  }
  if (session.access.settings.model_uuid) {
    const { uuid } = await lookUpControllerModel(ctx, session.access, timing, { clientVersion: session.facts.serverVersion, versionIsGuess: false });
    if (uuid !== session.facts.modelUuid) {
      throw new AppError('validation', `Model ${session.facts.modelUuid} is not the controller model (that is ${uuid}), and Juju makes backups only from the controller model.`, 'Clear the "Controller model UUID" setting, or paste the UUID shown for "controller" by `juju show-controller`.');
    }
  }
  return 'this Juju version keeps no list of backups';
}

export async function testJujuConnection(timing: JujuTiming, ctx: ProviderContext): Promise<ConnectionTest> {
  const url = ctx.endpoint.url;
  try {
    return await withJuju(ctx, timing, async (session) => {
      const { facts, access } = session;
      const serverVersion = `Juju ${facts.serverVersion}`;
      if (facts.controllerAccess && facts.controllerAccess !== 'superuser') {
        return {
          ok: false,
          url,
          serverVersion,
          message: `Signed in to ${serverVersion} as ${access.username}, but that user has "${facts.controllerAccess}" access and backups need a controller superuser.`,
          hint: `Ask a controller admin to run \`juju grant ${access.username} superuser\`, or sign in as admin.`,
        };
      }
      if (!facts.backupsVersion) return { ok: false, url, serverVersion, message: `Signed in to ${serverVersion}, but it offers no Backups facade this app speaks (Kubernetes controllers have none).` };
      const summary = await probe(session, ctx, timing);
      return { ok: true, url, serverVersion, message: `Signed in to ${serverVersion} as ${access.username} on the controller model ${facts.modelUuid} (Backups facade ${facts.backupsVersion}); ${summary}.` };
    });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, url, message: error.message, hint: error.hint, code: error.code };
    throw error;
  }
}
