/**
 * AUTOMATIC1111's "parameters" text (infotext), the de-facto format in which web UIs keep a recipe in a PNG:
 * prompt lines, optional "Negative prompt:" lines, then one line of "Key: value" pairs. ArtMint writes it
 * (dev.artmint.diffusion.A1111Parameters) and reads it back here, also from other tools' files.
 */

/** ArtMint's scheduler ids and the sampler names AUTOMATIC1111 writes for them (SchedulerKind). */
export const A1111_SAMPLERS: Record<string, string> = {
  euler_a: 'Euler a',
  euler: 'Euler',
  ddim: 'DDIM',
  dpmpp_2m: 'DPM++ 2M',
  dpmpp_2m_karras: 'DPM++ 2M Karras',
  lcm: 'LCM',
};

/** A recipe as the infotext carries it; scheduler is ArtMint's id. */
export interface InfotextRecipe {
  prompt: string;
  negativePrompt?: string | null;
  steps: number;
  scheduler: string;
  guidance: number;
  seed: number;
  width: number;
  height: number;
  model: string;
  modelSha256?: string | null;
  /** Only for a variation (image-to-image). */
  strength?: number | null;
}

/** The infotext split into its parts; `params` holds every key of the last line as written (quotes removed). */
export interface Infotext {
  prompt: string;
  negativePrompt: string;
  params: Record<string, string>;
}

// AUTOMATIC1111's re_param_code: a key, then a quoted JSON string or anything up to the next comma
const PARAM = /\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)/g;
const NEGATIVE = 'Negative prompt:';

/** Formats a recipe exactly as ArtMint's own PNGs carry it. */
export function formatInfotext(recipe: InfotextRecipe): string {
  let text = recipe.prompt;
  if (recipe.negativePrompt && recipe.negativePrompt.trim() !== '') {
    text += `\n${NEGATIVE} ${recipe.negativePrompt}`;
  }
  const params: [string, string | number][] = [
    ['Steps', recipe.steps],
    ['Sampler', A1111_SAMPLERS[recipe.scheduler] ?? recipe.scheduler],
    ['CFG scale', recipe.guidance],
    ['Seed', recipe.seed],
    ['Size', `${recipe.width}x${recipe.height}`],
  ];
  if (recipe.modelSha256) params.push(['Model hash', recipe.modelSha256.substring(0, 10)]);
  params.push(['Model', recipe.model]);
  if (recipe.strength !== undefined && recipe.strength !== null) params.push(['Denoising strength', recipe.strength]);
  return text + '\n' + params.map(([key, value]) => `${key}: ${quote(String(value))}`).join(', ');
}

// as AUTOMATIC1111 writes values: plain unless a comma, colon or line break would end them early
function quote(value: string): string {
  return /[,:\n]/.test(value) ? JSON.stringify(value) : value;
}

/** Splits an infotext the way AUTOMATIC1111's parse_generation_parameters does. */
export function parseInfotext(text: string): Infotext {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  let last = lines.pop() ?? '';
  if ([...last.matchAll(PARAM)].length < 3) {
    if (last !== '') lines.push(last);
    last = '';
  }
  const prompt: string[] = [];
  const negative: string[] = [];
  let inNegative = false;
  for (const raw of lines) {
    let line = raw.trim();
    if (line.startsWith(NEGATIVE)) {
      inNegative = true;
      line = line.substring(NEGATIVE.length).trim();
    }
    (inNegative ? negative : prompt).push(line);
  }
  const params: Record<string, string> = {};
  for (const match of last.matchAll(PARAM)) {
    params[match[1].trim()] = unquote(match[2].trim());
  }
  return { prompt: prompt.join('\n'), negativePrompt: negative.join('\n'), params };
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value;
    }
  }
  return value;
}

/** The recipe fields an infotext could fill. */
export type RecipeField = 'prompt' | 'negativePrompt' | 'steps' | 'scheduler' | 'guidance' | 'seed' | 'size' | 'model';

/** What an infotext means for ArtMint: the values it fills, the values it names that ArtMint lacks, and keys it ignores. */
export interface RecipeReading {
  recipe: Partial<InfotextRecipe>;
  filled: RecipeField[];
  /** A sampler or model the infotext names that is not installed here, as written. */
  unavailable: { field: 'scheduler' | 'model'; value: string }[];
  /** Keys of other tools that ArtMint has no control for (Clip skip, Denoising strength, ...). */
  ignored: string[];
}

const KNOWN_KEYS = new Set(['Steps', 'Sampler', 'Schedule type', 'CFG scale', 'Seed', 'Size', 'Model', 'Model hash']);

/**
 * Reads an infotext against what is installed: sampler names become scheduler ids from `schedulers`, the model
 * is matched by hash, then by name, among `models`.
 */
export function readRecipe(
  infotext: Infotext,
  available: { schedulers: string[]; models: { name: string; sha256: string }[] },
): RecipeReading {
  const recipe: Partial<InfotextRecipe> = {};
  const filled: RecipeField[] = [];
  const unavailable: RecipeReading['unavailable'] = [];
  const params = infotext.params;
  if (infotext.prompt !== '') {
    recipe.prompt = infotext.prompt;
    filled.push('prompt');
  }
  recipe.negativePrompt = infotext.negativePrompt;
  if (infotext.negativePrompt !== '') filled.push('negativePrompt');

  const steps = integer(params['Steps']);
  if (steps !== undefined) {
    recipe.steps = steps;
    filled.push('steps');
  }
  if (params['Sampler'] !== undefined) {
    const scheduler = schedulerId(params['Sampler'], params['Schedule type'], available.schedulers);
    if (scheduler) {
      recipe.scheduler = scheduler;
      filled.push('scheduler');
    } else {
      const written = [params['Sampler'], params['Schedule type']].filter(Boolean).join(' ');
      unavailable.push({ field: 'scheduler', value: written });
    }
  }
  const guidance = decimal(params['CFG scale']);
  if (guidance !== undefined) {
    recipe.guidance = guidance;
    filled.push('guidance');
  }
  const seed = integer(params['Seed']);
  if (seed !== undefined) {
    recipe.seed = seed;
    filled.push('seed');
  }
  const size = /^(\d+)\s*x\s*(\d+)$/.exec(params['Size'] ?? '');
  if (size) {
    recipe.width = Number(size[1]);
    recipe.height = Number(size[2]);
    filled.push('size');
  }
  if (params['Model'] !== undefined || params['Model hash'] !== undefined) {
    const model = modelOf(params['Model'], params['Model hash'], available.models);
    if (model) {
      recipe.model = model.name;
      recipe.modelSha256 = model.sha256;
      filled.push('model');
    } else {
      unavailable.push({ field: 'model', value: params['Model'] ?? params['Model hash'] });
    }
  }
  const ignored = Object.keys(params).filter((key) => !KNOWN_KEYS.has(key));
  return { recipe, filled, unavailable, ignored };
}

function schedulerId(sampler: string, scheduleType: string | undefined, schedulers: string[]): string | undefined {
  // AUTOMATIC1111 1.9+ writes "Sampler: DPM++ 2M, Schedule type: Karras" where older versions wrote one name
  const names = [sampler];
  if (scheduleType && !/^(automatic|uniform)$/i.test(scheduleType)) names.unshift(`${sampler} ${scheduleType}`);
  for (const name of names) {
    const wanted = name.trim().toLowerCase();
    const id = Object.keys(A1111_SAMPLERS).find(
      (candidate) => candidate === wanted || A1111_SAMPLERS[candidate].toLowerCase() === wanted,
    );
    if (id && schedulers.includes(id)) return id;
    if (schedulers.includes(wanted)) return wanted;
  }
  return undefined;
}

function modelOf(name: string | undefined, hash: string | undefined, models: { name: string; sha256: string }[]) {
  const shortHash = hash?.trim().toLowerCase();
  return (
    (shortHash && models.find((model) => model.sha256.toLowerCase().startsWith(shortHash))) ||
    (name !== undefined ? models.find((model) => model.name.toLowerCase() === name.trim().toLowerCase()) : undefined)
  );
}

function integer(value: string | undefined): number | undefined {
  return value !== undefined && /^-?\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function decimal(value: string | undefined): number | undefined {
  const number = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(number) ? number : undefined;
}
