/**
 * The AUTOMATIC1111 "parameters" text of a recipe, written exactly as the service writes it into the PNG
 * (dev.artmint.diffusion.A1111Parameters), so a copied recipe pastes into A1111's PNG Info and ArtMint's studio alike.
 */
export interface InfotextRecipe {
  prompt: string;
  negativePrompt?: string | null;
  steps: number;
  /** The API's scheduler id (euler_a, dpmpp_2m_karras, ...). */
  scheduler: string;
  guidance: number;
  seed: number | string;
  width: number;
  height: number;
  model: string;
  modelSha256: string;
  /** Set for an image-to-image variation; the line is written only then. */
  strength?: number | null;
}

/** SchedulerKind's API ids and the sampler names AUTOMATIC1111 writes for them. */
export const A1111_SAMPLERS: Readonly<Record<string, string>> = {
  euler_a: 'Euler a',
  euler: 'Euler',
  ddim: 'DDIM',
  dpmpp_2m: 'DPM++ 2M',
  dpmpp_2m_karras: 'DPM++ 2M Karras',
  lcm: 'LCM',
};

export function a1111Sampler(scheduler: string): string {
  const wanted = scheduler.trim().toLowerCase();
  const byId = A1111_SAMPLERS[wanted];
  if (byId) return byId;
  return Object.values(A1111_SAMPLERS).find((name) => name.toLowerCase() === wanted) ?? scheduler;
}

export function formatInfotext(recipe: InfotextRecipe): string {
  const lines = [recipe.prompt];
  // AUTOMATIC1111 leaves the line out when there is no negative prompt
  if (recipe.negativePrompt && !isJavaBlank(recipe.negativePrompt)) {
    lines.push(`Negative prompt: ${recipe.negativePrompt}`);
  }
  let settings =
    `Steps: ${recipe.steps}, Sampler: ${a1111Sampler(recipe.scheduler)}, CFG scale: ${plainNumber(recipe.guidance)}, ` +
    `Seed: ${recipe.seed}, Size: ${recipe.width}x${recipe.height}, Model hash: ${recipe.modelSha256.substring(0, 10)}, ` +
    `Model: ${recipe.model}`;
  if (recipe.strength !== undefined && recipe.strength !== null) {
    settings += `, Denoising strength: ${plainNumber(recipe.strength)}`;
  }
  lines.push(settings);
  return lines.join('\n');
}

/** Java's BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(): shortest digits, never an exponent. */
export function plainNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponentText] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/\.?0+$/, '');
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.substring(0, point)}.${digits.substring(point)}`;
}

// String.isBlank: Character.isWhitespace, which counts Unicode spaces but not the no-break ones
function isJavaBlank(text: string): boolean {
  return /^[\t\n\u000B\f\r\u001C-\u001F\p{Zl}\p{Zp}\p{Zs}]*$/u.test(text.replace(/[\u00A0\u2007\u202F]/g, 'x'));
}
