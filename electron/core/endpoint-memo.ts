/**
 * What a provider learnt about one endpoint while talking to it (a Keystone token and its roles),
 * kept in memory only and dropped whenever the endpoint's config or secrets change.
 */
export class EndpointMemo {
  private readonly values = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}
