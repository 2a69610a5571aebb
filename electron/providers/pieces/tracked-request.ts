/** A request left running in the background whose result is read later, without unhandled rejections. */
export class TrackedRequest<T> {
  state: 'pending' | 'resolved' | 'rejected' = 'pending';
  value: T | undefined;
  error: unknown;
  readonly settled: Promise<void>;

  constructor(promise: Promise<T>) {
    this.settled = promise.then(
      (value) => {
        this.state = 'resolved';
        this.value = value;
      },
      (error: unknown) => {
        this.state = 'rejected';
        this.error = error;
      },
    );
  }

  /** Stands in for the POST when re-attaching after a restart: that request was accepted long ago. */
  static accepted<T>(value: T): TrackedRequest<T> {
    return new TrackedRequest(Promise.resolve(value));
  }
}
