// A small deterministic PRNG (mulberry32) for the randomised Node tests, so
// that a failure reproduces from its seed. rng(seed)() -> a number in [0, 1).
export function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
