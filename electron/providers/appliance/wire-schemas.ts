import { z } from 'zod';

/** Epoch seconds and sizes are integers on the wire; a number sent as a string is read too. */
const wireNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/**
 * One backup (npm.backup 1.0 `backup`, openapi-npm_backup_1_0.yaml). All fields are optional in
 * the published schema; `id` is what this app cannot do without. `status` stays a plain string so
 * a value newer firmware adds shows as "unknown" instead of failing the list. The seed's
 * `"status : string` line is a typo for `status_message`.
 */
export const backupSchema = z
  .object({
    backup_time: wireNumber.nullish(),
    description: z.string().nullish(),
    hostname: z.string().nullish(),
    id: z.union([z.string(), z.number().transform(String)]).pipe(z.string().min(1)),
    model: z.string().nullish(),
    serial: z.string().nullish(),
    size: wireNumber.nullish(),
    status: z.string().nullish(),
    status_message: z.string().nullish(),
    sw_version: z.string().nullish(),
  })
  .loose();
export type WireBackup = z.infer<typeof backupSchema>;

/** The statuses the published schema lists. */
export const backupStatuses = ['started', 'uploading', 'completed', 'failed'] as const;

/** GET /backups: `{"items": [backup]}` (the OpenAPI conversion's array wrapper is a converter artefact). */
export const backupListSchema = z.object({ items: z.array(backupSchema).nullish() }).loose();

/** restore_status: what GET /restore_status, POST …/restore and POST /backups/reset_factory answer. */
export const restoreStatusSchema = z
  .object({
    last_restore_time: wireNumber.nullish(),
    status: z.string().nullish(),
    status_message: z.string().nullish(),
  })
  .loose();
export type WireRestoreStatus = z.infer<typeof restoreStatusSchema>;

export const restoreStates = ['not_run', 'started', 'failed', 'completed', 'completed_with_errors'] as const;

/** GET /api/common/1.0/info (no sign-in needed). */
export const deviceInfoSchema = z
  .object({
    device_name: z.string().nullish(),
    model: z.string().nullish(),
    sw_version: z.string().nullish(),
    serial: z.string().nullish(),
    hw_version: z.string().nullish(),
    mgmt_addresses: z.array(z.string()).nullish(),
  })
  .loose();
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

/** POST /api/mgmt.aaa/{2.0,1.0}/token with a user name and password. */
export const loginRequestSchema = z
  .object({
    user_credentials: z.object({ username: z.string(), password: z.string() }).strict(),
    generate_refresh_token: z.boolean(),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** The same route with a refresh token (`generate_refresh_token` may only be false then, so it is left out). */
export const refreshRequestSchema = z.object({ refresh_token: z.string().min(1) }).strict();
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

/**
 * The token answer. `expires_at` is documented as epoch seconds, but firmware answers a bare lifetime
 * (900); a refresh answers `expires_in`. Both are read defensively (see session-expiry.ts).
 */
export const tokenResponseSchema = z
  .object({
    access_token: z.string().min(1),
    expires_at: wireNumber.nullish(),
    expires_in: wireNumber.nullish(),
    refresh_token: z.string().nullish(),
    state: z.string().nullish(),
    token_type: z.string().nullish(),
  })
  .loose();
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Riverbed REST errors: `{"error_id": "...", "error_text": "..."}`; the ids of npm.backup are not published. */
export const wireErrorSchema = z.object({ error_id: z.string().nullish(), error_text: z.string().nullish() }).loose();
export type WireError = z.infer<typeof wireErrorSchema>;
