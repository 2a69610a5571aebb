const KEEP = 100;

/**
 * Paths of files the operator dropped or picked in the desktop window, as the preload read them
 * from real File objects. A renderer cannot name any other file on disk for upload.
 */
export class PickedPaths {
  private readonly paths = new Set<string>();

  allow(path: string): void {
    this.paths.delete(path);
    this.paths.add(path);
    if (this.paths.size > KEEP) this.paths.delete(this.paths.values().next().value as string);
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }
}
