import type { InfotextRecipe } from '../../lib/infotext';
import type { Artwork } from '../../api/types';

/** The artwork's recipe as the infotext needs it, or null while the API has not sent all of it. */
export function recipeOf(artwork: Artwork, strength: number | null | undefined): InfotextRecipe | null {
  const { prompt, steps, scheduler, guidance, modelSha256 } = artwork;
  if (prompt === undefined || steps === undefined || scheduler === undefined || guidance === undefined || !modelSha256) {
    return null;
  }
  return {
    prompt,
    negativePrompt: artwork.negativePrompt,
    steps,
    scheduler,
    guidance,
    seed: artwork.seed,
    width: artwork.width,
    height: artwork.height,
    model: artwork.model,
    modelSha256,
    strength: artwork.parentId ? strength : null,
  };
}

/** Where the studio's buttons lead: the same recipe, everything but the seed, or a variation of the image. */
export const studioLinks = {
  reuse: (id: string) => `/studio?recipe=${encodeURIComponent(id)}&mode=reuse`,
  remix: (id: string) => `/studio?recipe=${encodeURIComponent(id)}&mode=remix`,
  variation: (id: string) => `/studio?init=${encodeURIComponent(id)}`,
};
