/** Numbers in [0, 1) from `seed` (mulberry32): see seeded-random.mjs. */
export function mulberry32(seed: number): () => number;
