// The appliance simulator in a process of its own, so the transfer benchmark measures the memory of
// the app's process alone. Prints one JSON line (url, certificate, credentials) and runs until stdin closes.
import { startApplianceSim } from '../sims/appliance';

const sim = await startApplianceSim({ port: 0, timeScale: 0.01, backupLimit: 100, seededBackups: 0, dataDir: process.argv[2] });
process.stdout.write(JSON.stringify({ url: sim.url, certPem: sim.certPem, fingerprint256: sim.fingerprint256, credentials: sim.credentials }) + '\n');
process.stdin.resume();
process.stdin.on('end', () => void sim.close().then(() => process.exit(0)));
