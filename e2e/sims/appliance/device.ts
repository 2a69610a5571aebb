import { createRng } from '../common/rng';
import type { ApplianceCredentials } from './types';

/** `GET /api/common/1.0/info` (openapi-common_1_0.yaml `info`). */
export interface DeviceInfo {
  device_name: string;
  model: string;
  sw_version: string;
  serial: string;
  hw_version: string;
  mgmt_addresses: string[];
}

export const demoCredentials: ApplianceCredentials = { username: 'admin', password: 'appliance-demo' };
/** What a factory reset leaves: the documented default login of AppResponse appliances. */
export const factoryCredentials: ApplianceCredentials = { username: 'admin', password: 'admin' };

/** The appliance's own identity: every backup it makes carries hostname, model, serial and sw_version. */
export function deviceFor(seed: number): DeviceInfo {
  const random = createRng(seed * 7_919 + 17);
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  const serial = 'VE' + Array.from({ length: 10 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return {
    device_name: 'appresponse-sim',
    model: 'SCAN-AR-VE',
    sw_version: '11.13.0',
    serial,
    hw_version: '',
    mgmt_addresses: ['127.0.0.1'],
  };
}

/** `GET /api/common/1.0/services`: npm.backup, mgmt.aaa at the configured versions, and a few neighbours a real box lists too. */
export function servicesFor(authVersions: string[]): Array<{ id: string; versions: string[] }> {
  return [
    { id: 'common', versions: ['1.0'] },
    { id: 'mgmt.aaa', versions: [...authVersions] },
    { id: 'npm.backup', versions: ['1.0'] },
    { id: 'npm.packet_capture', versions: ['1.0', '2.0', '3.0'] },
    { id: 'npm.reports', versions: ['1.0'] },
  ];
}
