import { embeddedSchema, type Asset, type Backup, type Format, type PlatformEnum } from './wire';

const MiB = 1024 * 1024;

export function makeBackup(fields: { version: string; timestampSeconds: number; bytes: number; deviceName: string; platform: PlatformEnum }): Backup {
  return {
    schema: embeddedSchema,
    id: `${fields.version}_${fields.timestampSeconds}`,
    bytes: fields.bytes,
    created: { value: new Date(fields.timestampSeconds * 1000).toISOString() },
    device_name: fields.deviceName,
    platform: fields.platform,
    timestamp: String(fields.timestampSeconds),
    version: fields.version,
  };
}

const seededShapes: Array<{ daysAgo: number; version: string; deviceName: string; platform: PlatformEnum; minMiB: number; maxMiB: number }> = [
  { daysAgo: 2, version: '11.2.0', deviceName: 'studio-mac', platform: 'MACOS', minMiB: 180, maxMiB: 260 },
  { daysAgo: 9, version: '11.1.3', deviceName: 'studio-mac', platform: 'MACOS', minMiB: 150, maxMiB: 200 },
  { daysAgo: 23, version: '11.0.4', deviceName: 'dev-laptop', platform: 'LINUX', minMiB: 60, maxMiB: 120 },
  { daysAgo: 47, version: '10.3.1', deviceName: 'DESKTOP-7QK2M1', platform: 'WINDOWS', minMiB: 20, maxMiB: 45 },
  { daysAgo: 95, version: '10.1.2', deviceName: 'dev-laptop', platform: 'LINUX', minMiB: 8, maxMiB: 16 },
  { daysAgo: 180, version: '9.0.5', deviceName: 'old-imac', platform: 'MACOS', minMiB: 1, maxMiB: 4 },
];

/** Six backups spread over half a year, newest first, with seed-dependent sizes. */
export function seedBackups(now: number, rng: () => number): Backup[] {
  const nowSeconds = Math.floor(now / 1000);
  return seededShapes.map((shape, index) =>
    makeBackup({
      version: shape.version,
      // Offset by index so two seeds never collide on the second, and times look organic.
      timestampSeconds: nowSeconds - shape.daysAgo * 86_400 - 3_600 * (index + 1) - Math.floor(rng() * 3_000),
      bytes: Math.round((shape.minMiB + rng() * (shape.maxMiB - shape.minMiB)) * MiB),
      deviceName: shape.deviceName,
      platform: shape.platform,
    }),
  );
}

function stamp(iso: string) {
  return { value: iso };
}

function codeAsset(id: string, name: string, language: string, raw: string, createdIso: string): Asset {
  const formatId = `${id}-fmt-0`;
  const format: Format = {
    schema: embeddedSchema,
    id: formatId,
    creator: 'sim-user',
    classification: { generic: 'CODE', specific: language },
    role: 'BOTH',
    created: stamp(createdIso),
    updated: stamp(createdIso),
    asset: { id },
    fragment: { string: { raw } },
  };
  return {
    schema: embeddedSchema,
    id,
    name,
    creator: 'sim-user',
    created: stamp(createdIso),
    updated: stamp(createdIso),
    mechanism: 'MANUAL',
    formats: { iterable: [format] },
    original: { id: formatId },
    preview: { base: { id: formatId } },
  };
}

export function seedAssets(): Asset[] {
  return [
    codeAsset('6f0d7a3e-5d2b-4c1a-9a57-2b1f0c7d9e01', 'Debounce helper', 'ts', 'export const debounce = (fn: () => void, ms: number) => { let t: ReturnType<typeof setTimeout>; return () => { clearTimeout(t); t = setTimeout(fn, ms); }; };', '2025-03-14T09:12:00.000Z'),
    codeAsset('a4c92b10-77e3-4f8e-8d21-0b6e5f3c1a22', 'Retry with backoff', 'py', 'for attempt in range(5):\n    try:\n        return call()\n    except IOError:\n        time.sleep(2 ** attempt)', '2025-06-02T16:40:00.000Z'),
    codeAsset('d81e4f55-0c3a-4b7d-a6e9-93f2c8b0e4a3', 'List listening ports', 'sh', 'ss -ltnp', '2025-09-21T08:05:00.000Z'),
  ];
}
