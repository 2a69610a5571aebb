/**
 * Typed confirmation: the text must equal the expected id exactly (no trimming, case-sensitive),
 * because main compares what we send with the same strictness.
 */
export function confirmationMatches(typed: string, expected: string): boolean {
  return expected.length > 0 && typed === expected;
}
