// Trove reports sizes in "GB", but its guest agent computes them as bytes / 1024³ rounded to two
// decimals (trove/common/utils.py `to_gb`, at least 0.01 when non-zero): the unit is really GiB,
// as for the whole-gigabyte Cinder volumes under an instance. Hence openstack/normalise's
// gibToBytes / reportedGib for both.
//
// A backup's size is the size of its DATA (the used space, or the compressed stream on older
// Trove), not of the volume it came from: a volume of exactly that size fills up during the
// restore, and the build ends in ERROR only after a long timeout. So the size is a minimum, never
// a recommendation.

/** The smallest whole-GiB volume a backup of `gib` fits in (Trove refuses a smaller one: BackupTooLarge, 403). */
export function volumeSizeFor(gib: number | null | undefined): number {
  return Math.max(1, Math.ceil(gib ?? 0));
}

/** Head-room when the source volume size is unknown: ×1.5 rounded up, and at least 1 GiB more than the minimum. */
export function volumeSizeWithMargin(gib: number | null | undefined): number {
  const minimum = volumeSizeFor(gib);
  return Math.max(Math.ceil((gib ?? 0) * 1.5), minimum + 1);
}

/**
 * The default volume of a restored instance: the source instance's volume while it still exists
 * (what the data lived in), else the backup's size with a margin; never below the minimum.
 */
export function defaultRestoreVolumeSize(backupGib: number | null | undefined, sourceVolumeGib: number | null | undefined): number {
  if (typeof sourceVolumeGib === 'number' && sourceVolumeGib > 0) return Math.max(Math.ceil(sourceVolumeGib), volumeSizeFor(backupGib));
  return volumeSizeWithMargin(backupGib);
}
