import { describe, expect, it } from 'vitest';
import { formatInfotext, parseInfotext, readRecipe, type InfotextRecipe } from './infotext';

const SHA = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const INSTALLED = {
  schedulers: ['euler_a', 'euler', 'ddim', 'dpmpp_2m', 'dpmpp_2m_karras', 'lcm'],
  models: [{ name: 'artmint-tiny', sha256: SHA }],
};

const recipe: InfotextRecipe = {
  prompt: 'a fox\non snow',
  negativePrompt: 'blurry',
  steps: 20,
  scheduler: 'dpmpp_2m_karras',
  guidance: 6.5,
  seed: 6,
  width: 512,
  height: 320,
  model: 'artmint-tiny',
  modelSha256: SHA,
};

describe('formatInfotext', () => {
  it('writes what ArtMint writes into its PNGs (A1111ParametersTest)', () => {
    expect(formatInfotext({ ...recipe, prompt: 'a fox', negativePrompt: '', guidance: 7, seed: 5, width: 256, height: 256 })).toBe(
      'a fox\nSteps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 5, Size: 256x256, Model hash: 0123456789, Model: artmint-tiny',
    );
    expect(formatInfotext(recipe)).toBe(
      'a fox\non snow\nNegative prompt: blurry\nSteps: 20, Sampler: DPM++ 2M Karras, CFG scale: 6.5, Seed: 6, Size: 512x320, Model hash: 0123456789, Model: artmint-tiny',
    );
  });

  it('adds the denoising strength of a variation and quotes values that hold a comma or colon', () => {
    const text = formatInfotext({ ...recipe, model: 'tiny, v2', strength: 0.4 });
    expect(text.split('\n').at(-1)).toBe(
      'Steps: 20, Sampler: DPM++ 2M Karras, CFG scale: 6.5, Seed: 6, Size: 512x320, Model hash: 0123456789, Model: "tiny, v2", Denoising strength: 0.4',
    );
    expect(parseInfotext(text).params['Model']).toBe('tiny, v2');
  });
});

describe('parseInfotext and readRecipe', () => {
  it('round-trips an ArtMint recipe', () => {
    const reading = readRecipe(parseInfotext(formatInfotext(recipe)), INSTALLED);
    expect(reading.recipe).toEqual(recipe);
    expect(reading.filled).toEqual(['prompt', 'negativePrompt', 'steps', 'scheduler', 'guidance', 'seed', 'size', 'model']);
    expect(reading.unavailable).toEqual([]);
    expect(reading.ignored).toEqual([]);
  });

  it('round-trips a Chinese prompt and a negative prompt over several lines', () => {
    const chinese = { ...recipe, prompt: '夕阳下蓝色大海上方的红色圆形\n水彩', negativePrompt: '模糊,\n低质量', scheduler: 'euler_a', seed: 4294967295 };
    const text = formatInfotext(chinese);
    expect(text).toContain('Sampler: Euler a');
    expect(readRecipe(parseInfotext(text), INSTALLED).recipe).toEqual(chinese);
  });

  it('reads another tool’s infotext: newer sampler notation, extra keys, quoted values, Windows line ends', () => {
    const text = [
      'masterpiece, (red circle:1.2) over the sea,',
      'at sunset',
      'Negative prompt: lowres, bad anatomy',
      'watermark',
      'Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 5.5, Seed: 3141592653, Size: 768x512, ' +
        'Model hash: 0123456789, Model: sd_xl_base_1.0, Denoising strength: 0.35, Clip skip: 2, ' +
        'Lora hashes: "fox: a1b2c3, snow: d4e5f6", Hires upscale: 2, Version: v1.10.1',
    ].join('\r\n');
    const infotext = parseInfotext(text);
    expect(infotext.prompt).toBe('masterpiece, (red circle:1.2) over the sea,\nat sunset');
    expect(infotext.negativePrompt).toBe('lowres, bad anatomy\nwatermark');
    expect(infotext.params['Lora hashes']).toBe('fox: a1b2c3, snow: d4e5f6');
    const reading = readRecipe(infotext, INSTALLED);
    expect(reading.recipe).toEqual({
      prompt: 'masterpiece, (red circle:1.2) over the sea,\nat sunset',
      negativePrompt: 'lowres, bad anatomy\nwatermark',
      steps: 28,
      scheduler: 'dpmpp_2m_karras',
      guidance: 5.5,
      seed: 3141592653,
      width: 768,
      height: 512,
      // found by its hash although the file names it differently
      model: 'artmint-tiny',
      modelSha256: SHA,
    });
    expect(reading.ignored).toEqual(['Denoising strength', 'Clip skip', 'Lora hashes', 'Hires upscale', 'Version']);
  });

  it('names a sampler and a model that are not installed instead of filling them', () => {
    const reading = readRecipe(
      parseInfotext('a cat\nSteps: 30, Sampler: DPM++ SDE Karras, CFG scale: 7, Seed: 1, Size: 512x512, Model hash: ffffffffff, Model: dreamshaper_8'),
      INSTALLED,
    );
    expect(reading.filled).toEqual(['prompt', 'steps', 'guidance', 'seed', 'size']);
    expect(reading.unavailable).toEqual([
      { field: 'scheduler', value: 'DPM++ SDE Karras' },
      { field: 'model', value: 'dreamshaper_8' },
    ]);
    expect(readRecipe(parseInfotext('a\nSteps: 2, Sampler: LCM, Seed: 1'), { ...INSTALLED, schedulers: ['euler'] }).unavailable).toEqual([
      { field: 'scheduler', value: 'LCM' },
    ]);
  });

  it('keeps a text without a parameters line as the prompt', () => {
    expect(parseInfotext('just a prompt: with a colon\nand a second line')).toEqual({
      prompt: 'just a prompt: with a colon\nand a second line',
      negativePrompt: '',
      params: {},
    });
    expect(parseInfotext('Steps: 20, Sampler: Euler, CFG scale: 7').prompt).toBe('');
    expect(readRecipe(parseInfotext(''), INSTALLED).filled).toEqual([]);
  });
});
