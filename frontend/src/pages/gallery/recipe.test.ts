import { describe, expect, it } from 'vitest';
import type { Artwork } from '../../api/types';
import { formatInfotext } from '../../lib/infotext';
import { recipeOf, studioLinks } from './recipe';

// a variation as GET /api/me/artworks answered it on the local platform
const variation: Artwork = {
  id: '3bdeea76-ea13-43d4-9600-9852d2383e16',
  jobId: '3505e301-aa11-46b7-9714-c48504ab30b7',
  imageIndex: 0,
  creatorId: 'b1687ee8-be9d-4e9b-888d-4623b62299b4',
  parentId: '2549b86e-b788-4d12-94a4-32e5d807607c',
  model: 'artmint-tiny',
  modelSha256: '23571c650d12d6ff7ce4543c40ade28a413cd84cbdb9997bd56d984d85d72a97',
  seed: 3141843604,
  prompt: 'a red circle on a blue background',
  negativePrompt: '',
  steps: 8,
  guidance: 5.0,
  scheduler: 'euler_a',
  width: 256,
  height: 256,
  imageSha256: '8e8191954dee46983beab87466f414673e47d8fd66db69810d42ee3bb1e63542',
  provenanceHash: '0x07f45c16632728ef054fec33ab45e35ad3dfdc5752708ea9e8cc58f6e7016970',
  published: false,
  hidden: false,
  createdAt: '2026-12-01T13:38:25.124Z',
  image: '/api/artworks/3bdeea76-ea13-43d4-9600-9852d2383e16/image',
  thumbnail: '/api/artworks/3bdeea76-ea13-43d4-9600-9852d2383e16/thumbnail',
};

describe('recipeOf', () => {
  it('gives the infotext the PNG of the artwork carries, denoising strength included for a variation', () => {
    // the PNG's own "parameters" chunk
    expect(formatInfotext(recipeOf(variation, 0.6)!)).toBe(
      'a red circle on a blue background\nSteps: 8, Sampler: Euler a, CFG scale: 5, Seed: 3141843604, Size: 256x256, ' +
        'Model hash: 23571c650d, Model: artmint-tiny, Denoising strength: 0.6',
    );
  });

  it('names no strength for an image made from noise, and nothing while the recipe is incomplete', () => {
    expect(recipeOf({ ...variation, parentId: null }, 0.6)?.strength).toBeNull();
    expect(recipeOf({ ...variation, prompt: undefined }, null)).toBeNull();
  });

  it('links the studio for reuse, remix and variation', () => {
    expect(studioLinks.reuse('a1')).toBe('/studio?recipe=a1&mode=reuse');
    expect(studioLinks.remix('a1')).toBe('/studio?recipe=a1&mode=remix');
    expect(studioLinks.variation('a1')).toBe('/studio?init=a1');
  });
});
