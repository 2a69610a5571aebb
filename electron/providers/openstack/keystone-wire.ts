import { z } from 'zod';

const named = z.object({ id: z.string(), name: z.string().optional() }).loose();

export const catalogEndpointSchema = z
  .object({
    id: z.string().optional(),
    interface: z.string(),
    region: z.string().nullish(),
    region_id: z.string().nullish(),
    url: z.string(),
  })
  .loose();
export type CatalogEndpoint = z.infer<typeof catalogEndpointSchema>;

export const catalogEntrySchema = z
  .object({ type: z.string(), name: z.string().optional(), id: z.string().optional(), endpoints: z.array(catalogEndpointSchema) })
  .loose();
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** The body of POST /v3/auth/tokens (201); the token itself is in the X-Subject-Token header. */
export const tokenResponseSchema = z.object({
  token: z
    .object({
      expires_at: z.string(),
      issued_at: z.string().optional(),
      methods: z.array(z.string()).optional(),
      roles: z.array(named).default([]),
      catalog: z.array(catalogEntrySchema).default([]),
      project: named.extend({ domain: named.optional() }).optional(),
      user: named.extend({ domain: named.optional() }),
    })
    .loose(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** GET /v3/auth/catalog (or /v3/catalog). */
export const catalogResponseSchema = z.object({ catalog: z.array(catalogEntrySchema) }).loose();
