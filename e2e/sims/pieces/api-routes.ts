import type { IncomingMessage } from 'node:http';
import type { Faults } from './faults';
import type { BodyResult, Responder } from './http-io';
import type { Phase } from './operation';
import { embeddedSchema, type Backup } from './wire';
import type { PiecesWorld } from './world';

export interface RouteContext {
  world: PiecesWorld;
  faults: Faults;
  req: IncomingMessage;
  res: Responder;
  /** Decoded path parameters, in order. */
  params: string[];
  body(): Promise<BodyResult>;
}

interface Route {
  methods: string[];
  pattern: RegExp;
  /** Talks to Pieces cloud, so it answers 511 when signed out and 505 when too old. */
  cloud: boolean;
  handle(ctx: RouteContext): void | Promise<void>;
}

export const notSignedInText = 'Network Authentication Required: the user is not signed in to Pieces, or is not connected to their cloud.';
export const tooOldText = 'HTTP Version Not Supported: this version of Pieces OS cannot perform backup operations with the cloud. Update Pieces OS.';

const ID = '([^/]+)';

async function answerWhenEnded(ctx: RouteContext, phase: Phase, id: string, done: (backup: Backup) => void): Promise<void> {
  const op = ctx.world.operation(phase, id);
  if (!op) return ctx.res.text(500, `The ${phase} of ${id} was interrupted.`);
  await op.whenEnded();
  const noun = phase === 'creation' ? 'backup' : 'restore';
  if (op.status === 'COMPLETED') return done(ctx.world.present(op.backup));
  if (op.status === 'CANCELED') return ctx.res.text(500, `The ${noun} of ${id} was canceled before it finished.`);
  if (op.status === 'FAILED') return ctx.res.text(500, `The ${noun} of ${id} failed: the transfer with Pieces cloud was interrupted.`);
  ctx.res.text(500, `The ${noun} of ${id} was interrupted.`);
}

function statusRoute(phase: Phase): Route['handle'] {
  return ({ world, res, params: [id] }) => {
    const op = world.operation(phase, id);
    if (!op) return res.text(404, `No backup ${phase} was found for ${id}.`);
    res.json(200, op.toStatus(world.present(op.backup)));
  };
}

function cancelRoute(phase: Phase): Route['handle'] {
  return async ({ world, res, params: [id], body }) => {
    await body();
    if (!world.cancel(phase, id)) return res.text(500, `There is no backup ${phase} in progress for ${id}.`);
    res.empty(204);
  };
}

const routes: Route[] = [
  { methods: ['GET', 'HEAD'], pattern: /^\/\.well-known\/health$/, cloud: false, handle: ({ res }) => res.text(200, 'ok') },
  { methods: ['GET'], pattern: /^\/\.well-known\/version$/, cloud: false, handle: ({ world, res }) => res.text(200, world.options.version) },
  { methods: ['GET'], pattern: /^\/backups$/, cloud: true, handle: ({ world, res }) => res.json(200, { schema: embeddedSchema, iterable: world.listBackups() }) },
  {
    methods: ['POST'],
    pattern: /^\/backups\/create$/,
    cloud: true,
    handle: async (ctx) => {
      if ((await ctx.body()).kind === 'invalid') return ctx.res.text(500, 'The SeededBackup in the request body is not valid JSON.');
      const started = ctx.world.startCreation();
      if (!started.ok) return ctx.res.text(500, started.reason);
      const id = started.operation.backup.id;
      if (!ctx.faults.createBlocks) return ctx.res.json(200, ctx.world.present(started.operation.backup));
      await answerWhenEnded(ctx, 'creation', id, (backup) => ctx.res.json(200, backup));
    },
  },
  {
    methods: ['POST'],
    pattern: new RegExp(`^/backups/${ID}/delete$`),
    cloud: true,
    handle: async ({ world, res, params: [id], body }) => {
      await body();
      const result = world.deleteBackup(id);
      if (result === 'not-found') return res.text(404, `Backup ${id} was not found.`);
      if (result === 'busy') return res.text(500, `Backup ${id} is being restored and cannot be deleted now.`);
      res.empty(204);
    },
  },
  {
    methods: ['POST'],
    pattern: /^\/backup$/,
    cloud: true,
    handle: async ({ world, res, body }) => {
      const parsed = await body();
      if (parsed.kind === 'invalid') return res.text(500, 'The Assets in the request body are not valid JSON.');
      const listed = parsed.kind === 'json' ? (parsed.value as { iterable?: Array<{ id?: unknown }> }).iterable : undefined;
      const ids = Array.isArray(listed) ? listed.map((a) => a?.id).filter((id): id is string => typeof id === 'string') : world.assets.map((a) => a.id);
      world.recordAssetBackup(ids);
      res.empty(204);
    },
  },
  {
    methods: ['POST'],
    pattern: /^\/backup\/asset$/,
    cloud: true,
    handle: async ({ world, res, body }) => {
      const parsed = await body();
      const id = parsed.kind === 'json' ? (parsed.value as { id?: unknown } | null)?.id : undefined;
      if (typeof id !== 'string') return res.text(500, 'The request body must be an Asset with an id.');
      if (!world.assets.some((a) => a.id === id)) return res.text(500, `Asset ${id} is not in the local database.`);
      world.recordAssetBackup([id]);
      res.empty(204);
    },
  },
  {
    methods: ['GET'],
    pattern: new RegExp(`^/backup/${ID}$`),
    cloud: true,
    handle: ({ world, res, params: [id] }) => {
      const backup = world.getBackup(id);
      if (!backup) return res.text(404, `Backup ${id} was not found.`);
      res.json(200, backup);
    },
  },
  {
    methods: ['POST'],
    pattern: new RegExp(`^/backup/${ID}/restore$`),
    cloud: true,
    handle: async (ctx) => {
      const [id] = ctx.params;
      if ((await ctx.body()).kind === 'invalid') return ctx.res.text(500, 'The Backup in the request body is not valid JSON.');
      const started = ctx.world.startRestoration(id);
      if (!started) return ctx.res.text(404, `Backup ${id} was not found.`);
      if (!started.ok) return ctx.res.text(500, started.reason);
      if (!ctx.faults.restoreBlocks) return ctx.res.json(200, ctx.world.present(started.operation.backup));
      await answerWhenEnded(ctx, 'restoration', id, (backup) => ctx.res.json(200, backup));
    },
  },
  { methods: ['GET'], pattern: new RegExp(`^/backup/${ID}/creation/status$`), cloud: true, handle: statusRoute('creation') },
  { methods: ['POST'], pattern: new RegExp(`^/backup/${ID}/creation/cancel$`), cloud: true, handle: cancelRoute('creation') },
  { methods: ['GET'], pattern: new RegExp(`^/backup/${ID}/restoration/status$`), cloud: true, handle: statusRoute('restoration') },
  { methods: ['POST'], pattern: new RegExp(`^/backup/${ID}/restoration/cancel$`), cloud: true, handle: cancelRoute('restoration') },
  { methods: ['GET'], pattern: /^\/assets$/, cloud: false, handle: ({ world, res }) => res.json(200, { schema: embeddedSchema, iterable: world.assets }) },
  {
    methods: ['GET'],
    pattern: new RegExp(`^/asset/${ID}$`),
    cloud: false,
    handle: ({ world, res, params: [id] }) => {
      const asset = world.assets.find((a) => a.id === id);
      if (!asset) return res.text(404, `Asset ${id} was not found.`);
      res.json(200, asset);
    },
  },
];

export interface MatchedRoute {
  cloud: boolean;
  params: string[];
  handle: Route['handle'];
}

export function matchRoute(method: string, path: string): MatchedRoute | 'method-not-allowed' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (!route.methods.includes(method)) continue;
    return { cloud: route.cloud, params: match.slice(1).map((p) => decodeURIComponent(p)), handle: route.handle };
  }
  return pathMatched ? 'method-not-allowed' : undefined;
}

/** The cloud gate: 505 before 511, since an outdated Pieces OS cannot even check the sign-in. */
export function cloudRefusal(faults: Faults): { status: number; text: string } | undefined {
  if (faults.tooOld) return { status: 505, text: tooOldText };
  if (faults.signedOut) return { status: 511, text: notSignedInText };
  return undefined;
}
