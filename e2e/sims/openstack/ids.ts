import { randomUUID } from 'node:crypto';

/** Ids and timestamps in the exact textual forms OpenStack services write. */

export function uuidFrom(random: () => number): string {
  const hex = hexFrom(random, 32).split('');
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Keystone ids (users, projects, roles, endpoints) are 32 lowercase hex digits without dashes. */
export function hexFrom(random: () => number, length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Cinder (oslo.db) style: no zone, microseconds, e.g. 2023-06-23T11:56:02.509831. */
export function zonelessMicros(epochMs: number, extraMicros = 0): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}${pad(extraMicros % 1000, 3)}`;
}

/** Keystone style: Z and microseconds, e.g. 2015-11-07T02:58:43.578887Z. */
export function zuluMicros(epochMs: number, extraMicros = 0): string {
  return `${zonelessMicros(epochMs, extraMicros)}Z`;
}

/** Not from the seeded generator, so the number of requests never changes the seeded world. */
export function requestId(): string {
  return `req-${randomUUID()}`;
}
