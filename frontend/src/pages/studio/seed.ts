/**
 * The seed control: a locked seed is kept for every run; an unlocked one is replaced by a new random seed at each
 * run. Either way the seed a run used is recorded, for ♻ (reuse the last one).
 */
export interface SeedState {
  /** The seed field as typed. */
  seed: string;
  locked: boolean;
  /** The seed the last run used. */
  last: number | null;
}

/** Seeds are unsigned 32-bit numbers, as AUTOMATIC1111 and ArtMint's random seeds are. */
export const MAX_SEED = 2 ** 32 - 1;

export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (MAX_SEED + 1));
}

/** The seed field's value as a seed, or undefined when it is not one. */
export function parseSeed(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const seed = Number(trimmed);
  return seed <= MAX_SEED ? seed : undefined;
}

/** The seed a run uses, and the state after it: the field then shows the seed used, which is also the last one. */
export function seedForRun(state: SeedState, random: () => number = Math.random): { seed: number; state: SeedState } {
  const typed = parseSeed(state.seed);
  const seed = state.locked && typed !== undefined ? typed : randomSeed(random);
  return { seed, state: { seed: String(seed), locked: state.locked, last: seed } };
}

/** 🎲: a new random seed in the field (kept when locked, replaced at the next run when not). */
export function rollSeed(state: SeedState, random: () => number = Math.random): SeedState {
  return { ...state, seed: String(randomSeed(random)) };
}

/** ♻: the last run's seed, locked so the next run uses it. */
export function reuseLastSeed(state: SeedState): SeedState {
  return state.last === null ? state : { ...state, seed: String(state.last), locked: true };
}

/** Typing a seed means wanting it: it locks. */
export function typeSeed(state: SeedState, text: string): SeedState {
  return { ...state, seed: text, locked: text.trim() !== '' ? true : state.locked };
}
