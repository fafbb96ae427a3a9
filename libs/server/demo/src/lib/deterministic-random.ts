/** Seeded pseudo-random numbers, so the demo province is the same on every machine. */
export function randomFor(seed: string): () => number {
  // FNV-1a hash of the seed, then mulberry32.
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 16777619);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function between(random: () => number, min: number, max: number): number {
  return min + (max - min) * random();
}

export function integerBetween(random: () => number, min: number, max: number): number {
  return Math.floor(between(random, min, max + 1));
}
