// Trove reports sizes in "GB", but its guest agent computes them as bytes / 1024³ rounded to two
// decimals (trove/common/utils.py `to_gb`, at least 0.01 when non-zero): the unit is really GiB,
// as for the whole-gigabyte Cinder volumes under an instance. Hence openstack/normalise's
// gibToBytes / reportedGib for both.

/** The smallest whole-GiB volume a backup of `gib` fits in (Trove refuses a smaller one: BackupTooLarge, 403). */
export function volumeSizeFor(gib: number | null | undefined): number {
  return Math.max(1, Math.ceil(gib ?? 0));
}
