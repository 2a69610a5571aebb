import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { endpointConfigSchema, endpointSchema, type Endpoint, type EndpointConfig } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { readJsonFile, writeFileAtomic } from '../fs/atomic-file';

const endpointsFileSchema = z
  .object({
    version: z.literal(1, 'expected 1 (this file may come from a newer Backup Console)'),
    endpoints: z.array(endpointSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.endpoints.forEach((endpoint, index) => {
      if (seen.has(endpoint.id)) ctx.addIssue({ code: 'custom', path: ['endpoints', index, 'id'], message: `duplicate id ${endpoint.id}` });
      seen.add(endpoint.id);
    });
  });

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The endpoint list in `<dataDir>/endpoints.json`. Holds configuration only: secret values live in
 * the SecretStore, and `secretsSet` just names which ones have a value.
 *
 * Mutations run one at a time and change memory only after the file was written, so memory and
 * disk never disagree. A corrupt file makes `open` throw; no store exists to overwrite it.
 */
export class EndpointStore {
  private endpoints: Endpoint[];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    endpoints: Endpoint[],
  ) {
    this.endpoints = endpoints;
  }

  /** Loads the file (absent means no endpoints yet). Throws AppError('corrupt-config') for a bad file. */
  static async open(file: string): Promise<EndpointStore> {
    const data = await readJsonFile(file, endpointsFileSchema, 'The endpoint list');
    return new EndpointStore(file, data?.endpoints ?? []);
  }

  list(): Endpoint[] {
    return this.endpoints.map(copyEndpoint);
  }

  get(id: string): Endpoint {
    return copyEndpoint(this.find(this.endpoints, id));
  }

  add(config: EndpointConfig): Promise<Endpoint> {
    return this.mutate((current) => {
      const valid = validConfig(config);
      assertNameFree(current, valid.name);
      const endpoint: Endpoint = { ...valid, id: randomUUID(), createdAt: new Date().toISOString(), secretsSet: [] };
      return { next: [...current, endpoint], result: endpoint };
    }).then(copyEndpoint);
  }

  /** Replaces the editable fields; id, createdAt and secretsSet stay. */
  update(id: string, config: EndpointConfig): Promise<Endpoint> {
    return this.mutate((current) => {
      const existing = this.find(current, id);
      const valid = validConfig(config);
      assertNameFree(current, valid.name, id);
      const endpoint: Endpoint = { ...valid, id, createdAt: existing.createdAt, secretsSet: existing.secretsSet };
      return { next: current.map((e) => (e.id === id ? endpoint : e)), result: endpoint };
    }).then(copyEndpoint);
  }

  setSecretsSet(id: string, names: string[]): Promise<Endpoint> {
    return this.mutate((current) => {
      const endpoint: Endpoint = { ...this.find(current, id), secretsSet: [...new Set(names)].sort() };
      return { next: current.map((e) => (e.id === id ? endpoint : e)), result: endpoint };
    }).then(copyEndpoint);
  }

  /** Removes the endpoint only; deleting its secrets is the caller's job. */
  remove(id: string): Promise<void> {
    return this.mutate((current) => {
      this.find(current, id);
      return { next: current.filter((e) => e.id !== id), result: undefined };
    });
  }

  private find(endpoints: Endpoint[], id: string): Endpoint {
    const endpoint = endpoints.find((e) => e.id === id);
    if (!endpoint) throw new AppError('not-found', 'That endpoint does not exist.', 'It may have been removed; refresh the endpoint list.');
    return endpoint;
  }

  private mutate<R>(change: (current: Endpoint[]) => { next: Endpoint[]; result: R }): Promise<R> {
    const run = this.queue.then(async () => {
      const { next, result } = change(this.endpoints);
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, endpoints: next }, null, 2) + '\n');
      this.endpoints = next;
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function copyEndpoint(endpoint: Endpoint): Endpoint {
  return structuredClone(endpoint);
}

/** Callers validate at the contract; this re-check keeps a bad object from ever reaching the file. */
function validConfig(config: EndpointConfig): EndpointConfig {
  const parsed = endpointConfigSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.');
  throw new AppError('validation', field ? `${field}: ${issue.message}` : issue.message, 'Correct the endpoint settings and save again.');
}

function assertNameFree(endpoints: Endpoint[], name: string, exceptId?: string): void {
  const clash = endpoints.find((e) => e.id !== exceptId && sameName(e.name, name));
  if (clash) {
    throw new AppError('conflict', `An endpoint named "${clash.name}" already exists.`, 'Choose a different name; names are compared without regard to case.');
  }
}
