/** A minimal set of listeners; `add` returns the matching unsubscribe. */
export class ListenerSet<T> {
  private readonly listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        console.error('[client] an event listener threw', error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
