import type { GenerationSpec, Model } from '../../api/types';
import type { InfotextRecipe } from '../../lib/infotext';
import { randomSeed, type SeedState } from './seed';

/**
 * The studio's form as the user left it. Number fields are kept as typed, so an out-of-range value reaches the
 * API, whose answer names the field; the model's defaults fill what is missing.
 */
export interface StudioForm {
  prompt: string;
  negativePrompt: string;
  model: string;
  steps: string;
  guidance: string;
  scheduler: string;
  width: string;
  height: string;
  count: number;
  seed: SeedState;
  /** The artwork a variation starts from, and how far it may move away from it (0-1). */
  init: { artworkId: string; strength: number } | null;
}

export const FORM_KEY = 'artmint.studio.form.v1';
export const DEFAULT_STRENGTH = 0.6;

export function defaultModel(models: Model[]): Model {
  return models.find((model) => model.isDefault) ?? models[0];
}

/** The model's recommended settings, keeping the prompts, count, seed and variation. */
export function withModelDefaults(form: StudioForm, model: Model): StudioForm {
  return {
    ...form,
    model: model.name,
    steps: String(model.defaults.steps),
    guidance: String(model.defaults.guidance),
    scheduler: model.defaults.scheduler,
    width: String(model.defaults.width),
    height: String(model.defaults.height),
    count: Math.min(form.count, model.limits.maxCount),
  };
}

export function newForm(model: Model): StudioForm {
  return withModelDefaults(
    {
      prompt: '',
      negativePrompt: '',
      model: model.name,
      steps: '',
      guidance: '',
      scheduler: '',
      width: '',
      height: '',
      count: 1,
      seed: { seed: String(randomSeed()), locked: false, last: null },
      init: null,
    },
    model,
  );
}

/**
 * The form kept from an earlier visit, made to fit the installed models: an uninstalled model, an unknown
 * scheduler or a count over the limit falls back to the model's own.
 */
export function restoreForm(stored: unknown, models: Model[]): StudioForm {
  const fallback = newForm(defaultModel(models));
  if (!stored || typeof stored !== 'object') return fallback;
  const saved = stored as Partial<Record<keyof StudioForm, unknown>>;
  const model = models.find((candidate) => candidate.name === saved.model);
  if (!model) return { ...fallback, prompt: text(saved.prompt), negativePrompt: text(saved.negativePrompt) };
  const base = newForm(model);
  const seed = saved.seed as Partial<SeedState> | undefined;
  const init = saved.init as StudioForm['init'] | undefined;
  return {
    prompt: text(saved.prompt),
    negativePrompt: text(saved.negativePrompt),
    model: model.name,
    steps: text(saved.steps, base.steps),
    guidance: text(saved.guidance, base.guidance),
    scheduler: model.limits.schedulers.includes(String(saved.scheduler)) ? String(saved.scheduler) : base.scheduler,
    width: text(saved.width, base.width),
    height: text(saved.height, base.height),
    count: Number.isInteger(saved.count) ? Math.min(Math.max(1, saved.count as number), model.limits.maxCount) : 1,
    seed: {
      seed: text(seed?.seed, base.seed.seed),
      locked: seed?.locked === true,
      last: typeof seed?.last === 'number' ? seed.last : null,
    },
    init:
      init && typeof init.artworkId === 'string' && typeof init.strength === 'number'
        ? { artworkId: init.artworkId, strength: init.strength }
        : null,
  };
}

function text(value: unknown, otherwise = ''): string {
  return typeof value === 'string' ? value : otherwise;
}

export function loadForm(storage: Storage = localStorage): unknown {
  try {
    return JSON.parse(storage.getItem(FORM_KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function saveForm(form: StudioForm, storage: Storage = localStorage): void {
  try {
    storage.setItem(FORM_KEY, JSON.stringify(form));
  } catch {
    // a full or disabled storage only loses the form at the next visit
  }
}

/** The request for a run with the given seed; empty fields are left to the model's defaults. */
export function toSpec(form: StudioForm, seed: number): GenerationSpec {
  return {
    prompt: form.prompt,
    negativePrompt: form.negativePrompt,
    model: form.model,
    seed,
    steps: number(form.steps),
    guidance: number(form.guidance),
    scheduler: form.scheduler,
    width: number(form.width),
    height: number(form.height),
    count: form.count,
    ...(form.init ? { initArtworkId: form.init.artworkId, strength: form.init.strength } : {}),
  };
}

function number(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * The form with a recipe's values (from an artwork or a PNG). `seed: 'keep'` takes its seed and locks it
 * (reuse), `'new'` leaves the seed to a new random one (remix).
 */
export function applyRecipe(form: StudioForm, recipe: Partial<InfotextRecipe>, seed: 'keep' | 'new'): StudioForm {
  const next: StudioForm = { ...form };
  if (recipe.prompt !== undefined) next.prompt = recipe.prompt;
  if (recipe.negativePrompt !== undefined) next.negativePrompt = recipe.negativePrompt ?? '';
  if (recipe.model !== undefined) next.model = recipe.model;
  if (recipe.steps !== undefined) next.steps = String(recipe.steps);
  if (recipe.guidance !== undefined) next.guidance = String(recipe.guidance);
  if (recipe.scheduler !== undefined) next.scheduler = recipe.scheduler;
  if (recipe.width !== undefined) next.width = String(recipe.width);
  if (recipe.height !== undefined) next.height = String(recipe.height);
  if (seed === 'keep' && recipe.seed !== undefined) {
    next.seed = { ...form.seed, seed: String(recipe.seed), locked: true };
  } else if (seed === 'new') {
    next.seed = { ...form.seed, seed: String(randomSeed()), locked: false };
  }
  return next;
}
