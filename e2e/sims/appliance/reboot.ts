import type { ServerResponse } from 'node:http';
import type { Server } from 'node:https';
import type { Socket } from 'node:net';
import { Timers } from './timers';
import type { ApplianceFaults, RebootPhase } from './types';

export interface RebootSteps {
  /** Runs as the box goes down (tokens die, a factory reset wipes here). */
  down(): void;
  /** Runs when it serves again (restore_status gets its outcome). */
  back(): void;
}

/**
 * The appliance's reboot: 'pending' (the restore was accepted, the box still answers), then 'refusing'
 * (the listener is closed and every socket destroyed, so clients get ECONNREFUSED), then 'hanging'
 * (connections are accepted, API requests never answered), then serving again on the same port.
 * Also tracks every TCP socket, so close() and reboots really drop keep-alive connections.
 */
export class RebootController {
  phase: RebootPhase = 'none';
  private readonly sockets = new Set<Socket>();
  private readonly parked = new Set<ServerResponse>();
  private readonly timers = new Timers();
  /** Re-listen retries outlive abort(); only shutdown() stops them. */
  private readonly retries = new Timers();
  private closed = false;
  private starting = false;

  constructor(
    private readonly server: Server,
    private readonly host: string,
    private readonly port: () => number,
    private readonly faults: ApplianceFaults,
  ) {
    server.on('connection', (socket: Socket) => {
      if (this.phase === 'refusing' || this.closed) return void socket.destroy();
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  get rebooting(): boolean {
    return this.phase === 'refusing' || this.phase === 'hanging';
  }

  /** Starts a reboot `afterMs` from now. Only one at a time. */
  schedule(afterMs: number, steps: RebootSteps): void {
    this.phase = 'pending';
    this.timers.later(afterMs, () => {
      this.phase = 'refusing';
      this.stopListening();
      this.destroyAll();
      steps.down();
      this.timers.later(this.faults.rebootRefuseMs, () => {
        this.startListening();
        this.phase = 'hanging';
        this.timers.later(this.faults.rebootHangMs, () => {
          for (const res of this.parked) res.socket?.destroy();
          this.parked.clear();
          this.phase = 'none';
          steps.back();
        });
      });
    });
  }

  /** A request during the hang phase: never answered; its socket is destroyed when the box comes up. */
  park(res: ServerResponse): void {
    this.parked.add(res);
    res.once('close', () => this.parked.delete(res));
  }

  /** reset(): no reboot any more, listening again (asynchronously, if the listener was closed). */
  abort(): void {
    this.timers.clear();
    for (const res of this.parked) res.socket?.destroy();
    this.parked.clear();
    this.phase = 'none';
    this.startListening();
  }

  /** Destroys every socket (keep-alive ones too). */
  destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** close(): no more reboots or re-listening. */
  shutdown(): void {
    this.closed = true;
    this.timers.clear();
    this.retries.clear();
    this.destroyAll();
  }

  private stopListening(): void {
    if (this.server.listening) this.server.close();
  }

  /** Listens on the same port again; retries while another socket still holds it. */
  private startListening(): void {
    if (this.closed || this.server.listening || this.starting) return;
    this.starting = true;
    const attempt = () => {
      if (this.closed) return;
      const onError = (error: NodeJS.ErrnoException) => {
        this.server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') return this.retries.later(100, attempt);
        this.starting = false;
        process.stderr.write(`Appliance simulator: cannot listen again on port ${this.port()}: ${error.message}\n`);
      };
      const onListening = () => {
        this.server.off('error', onError);
        this.starting = false;
      };
      this.server.once('error', onError).once('listening', onListening);
      this.server.listen(this.port(), this.host);
    };
    attempt();
  }
}
