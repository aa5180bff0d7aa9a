import { beforeEach, describe, expect, it } from 'vitest';
import type { Model } from '../../api/types';
import { applyRecipe, loadForm, newForm, restoreForm, saveForm, toSpec, withModelDefaults } from './studioForm';

const limits = { promptLength: 1000, maxSteps: 100, minSide: 64, maxSide: 1024, sideMultiple: 8, maxCount: 4, maxGuidance: 30, schedulers: ['euler_a', 'ddim'] };
const tiny: Model = { name: 'artmint-tiny', sha256: 'ab', isDefault: true, defaults: { steps: 20, guidance: 7, width: 256, height: 256, scheduler: 'euler_a' }, limits };
const big: Model = { name: 'big', sha256: 'cd', isDefault: false, defaults: { steps: 30, guidance: 5, width: 768, height: 512, scheduler: 'ddim' }, limits: { ...limits, maxCount: 2 } };

describe('studio form', () => {
  beforeEach(() => localStorage.clear());

  it('starts from the default model’s defaults', () => {
    const form = restoreForm(null, [big, tiny]);
    expect(form).toMatchObject({ model: 'artmint-tiny', steps: '20', guidance: '7', scheduler: 'euler_a', width: '256', height: '256', count: 1, init: null });
    expect(form.seed.locked).toBe(false);
  });

  it('comes back from storage as it was left, invalid values included', () => {
    const form = { ...newForm(tiny), prompt: '红色圆形', width: '100', count: 3, seed: { seed: '42', locked: true, last: 41 }, init: { artworkId: 'a1', strength: 0.4 } };
    saveForm(form);
    expect(restoreForm(loadForm(), [tiny, big])).toEqual(form);
  });

  it('fits what was stored to the installed models', () => {
    expect(restoreForm({ model: 'gone', prompt: 'kept', steps: '99' }, [tiny])).toMatchObject({ model: 'artmint-tiny', prompt: 'kept', steps: '20' });
    expect(restoreForm({ model: 'big', scheduler: 'lcm', count: 4, seed: 'nonsense' }, [tiny, big])).toMatchObject({ scheduler: 'ddim', count: 2 });
    localStorage.setItem('artmint.studio.form.v1', '{broken');
    expect(loadForm()).toBeNull();
  });

  it('takes a model’s defaults on a change of model, keeping the prompt, seed and count within the limit', () => {
    const form = { ...newForm(tiny), prompt: 'p', count: 4 };
    expect(withModelDefaults(form, big)).toMatchObject({ model: 'big', prompt: 'p', steps: '30', guidance: '5', scheduler: 'ddim', width: '768', height: '512', count: 2 });
  });

  it('sends the typed values, leaving empty ones to the model, and the variation', () => {
    const form = { ...newForm(tiny), prompt: 'p', steps: '', width: '100', init: { artworkId: 'a1', strength: 0.4 } };
    expect(toSpec(form, 7)).toEqual({ prompt: 'p', negativePrompt: '', model: 'artmint-tiny', seed: 7, steps: undefined, guidance: 7, scheduler: 'euler_a', width: 100, height: 256, count: 1, initArtworkId: 'a1', strength: 0.4 });
    expect(toSpec({ ...form, init: null }, 7)).not.toHaveProperty('initArtworkId');
  });

  it('fills a recipe: reuse keeps and locks its seed, remix draws a new one', () => {
    const form = newForm(tiny);
    const recipe = { prompt: 'fox', negativePrompt: '', steps: 12, guidance: 4.5, scheduler: 'ddim', seed: 99, width: 320, height: 192 };
    expect(applyRecipe(form, recipe, 'keep')).toMatchObject({ prompt: 'fox', steps: '12', guidance: '4.5', scheduler: 'ddim', width: '320', height: '192', seed: { seed: '99', locked: true } });
    const remix = applyRecipe({ ...form, seed: { seed: '5', locked: true, last: 5 } }, recipe, 'new');
    expect(remix.seed.locked).toBe(false);
    expect(remix.seed.seed).not.toBe('99');
    expect(remix.prompt).toBe('fox');
  });
});
