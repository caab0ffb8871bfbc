/**
 * A deterministic random generator (mulberry32) for generated test inputs and goldens:
 * the same seed gives the same sequence on every machine, so a failure names its case.
 * Plain JavaScript so that the .mjs generators and the TypeScript tests share it.
 */

/** Numbers in [0, 1) from `seed`. */
export function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
