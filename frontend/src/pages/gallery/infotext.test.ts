import { describe, expect, it } from 'vitest';
import { a1111Sampler, formatInfotext, plainNumber } from './infotext';

const recipe = {
  prompt: 'a red circle on a blue square',
  negativePrompt: 'blurry',
  steps: 20,
  scheduler: 'euler_a',
  guidance: 7,
  seed: 42,
  width: 512,
  height: 512,
  model: 'artmint-tiny',
  modelSha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
};

describe('formatInfotext', () => {
  it('writes the A1111 parameters text as the service writes it into the PNG', () => {
    expect(formatInfotext(recipe)).toBe(
      'a red circle on a blue square\nNegative prompt: blurry\n' +
        'Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x512, Model hash: 0123456789, Model: artmint-tiny',
    );
  });

  it('leaves out a blank negative prompt and adds the denoising strength of a variation', () => {
    expect(formatInfotext({ ...recipe, negativePrompt: '  ', guidance: 7.5, strength: 0.6, scheduler: 'dpmpp_2m_karras' })).toBe(
      'a red circle on a blue square\n' +
        'Steps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7.5, Seed: 42, Size: 512x512, Model hash: 0123456789, ' +
        'Model: artmint-tiny, Denoising strength: 0.6',
    );
    expect(formatInfotext({ ...recipe, negativePrompt: null })).not.toContain('Negative prompt');
  });

  it('keeps Chinese prompts and a no-break-space negative prompt as they are', () => {
    expect(formatInfotext({ ...recipe, prompt: '蓝色背景上的红色圆形', negativePrompt: '\u00A0' })).toMatch(
      /^蓝色背景上的红色圆形\nNegative prompt: \u00A0\nSteps: 20/,
    );
  });
});

describe('a1111Sampler', () => {
  it('names each scheduler id as A1111 does, and accepts the A1111 name itself', () => {
    expect(a1111Sampler('euler')).toBe('Euler');
    expect(a1111Sampler('ddim')).toBe('DDIM');
    expect(a1111Sampler('dpmpp_2m')).toBe('DPM++ 2M');
    expect(a1111Sampler('lcm')).toBe('LCM');
    expect(a1111Sampler('Euler A')).toBe('Euler a');
  });
});

describe('plainNumber', () => {
  it('matches BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()', () => {
    expect(plainNumber(7)).toBe('7');
    expect(plainNumber(10)).toBe('10');
    expect(plainNumber(7.25)).toBe('7.25');
    expect(plainNumber(0.1)).toBe('0.1');
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
  });
});
