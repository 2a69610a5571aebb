/** Chunk `index` of the pseudo-random bytes seeded by `seed`: xorshift words, a function of both only, so any chunk can be rebuilt on demand. */
export function seededNoise(seed: number, index: number, length: number): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return Buffer.from(words.buffer, 0, length);
}
