import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { A1111_SAMPLERS } from '../../lib/infotext';
import type { Artwork } from '../../api/types';
import { CopyButton } from './CopyButton';
import { withGalleryQuery } from './query';

/**
 * The generation data of an artwork, after Civitai's ImageMeta: the prompts in full with copy buttons, then the
 * settings as short labelled values; the hashes that make the recipe verifiable come last.
 */
export function RecipePanel({ artwork, strength }: { artwork: Artwork; strength: number | null | undefined }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const prompt = t('gallery.recipe.prompt');
  const negative = t('gallery.recipe.negativePrompt');
  return (
    <section className="recipe" aria-labelledby="recipe-title">
      <h3 id="recipe-title">{t('gallery.recipe.title')}</h3>
      <div className="recipe-prompt">
        <div className="recipe-prompt-head">
          <h4>{prompt}</h4>
          {artwork.prompt && <CopyButton text={artwork.prompt} label={prompt} />}
        </div>
        <p data-testid="recipe-prompt">{artwork.prompt}</p>
      </div>
      <div className="recipe-prompt">
        <div className="recipe-prompt-head">
          <h4>{negative}</h4>
          {artwork.negativePrompt && <CopyButton text={artwork.negativePrompt} label={negative} />}
        </div>
        <p className={artwork.negativePrompt ? undefined : 'muted'} data-testid="recipe-negative">
          {artwork.negativePrompt || t('gallery.recipe.none')}
        </p>
      </div>
      <dl className="recipe-values">
        <Value label={t('gallery.recipe.seed')} copy={String(artwork.seed)} testId="recipe-seed">
          {String(artwork.seed)}
        </Value>
        {artwork.steps !== undefined && (
          <Value label={t('gallery.recipe.steps')} testId="recipe-steps">
            {formatNumber(artwork.steps)}
          </Value>
        )}
        {artwork.guidance !== undefined && (
          <Value label={t('gallery.recipe.guidance')} testId="recipe-guidance">
            {formatNumber(artwork.guidance)}
          </Value>
        )}
        {artwork.scheduler && (
          <Value label={t('gallery.recipe.scheduler')} testId="recipe-scheduler">
            {A1111_SAMPLERS[artwork.scheduler] ?? artwork.scheduler}
          </Value>
        )}
        <Value label={t('gallery.recipe.size')} testId="recipe-size">
          {t('gallery.recipe.sizeValue', { width: artwork.width, height: artwork.height })}
        </Value>
        <Value label={t('gallery.recipe.model')} testId="recipe-model">
          {artwork.model}
        </Value>
        {artwork.modelSha256 && (
          <Value label={t('gallery.recipe.modelHash')} copy={artwork.modelSha256} testId="recipe-model-hash">
            <code title={artwork.modelSha256}>{artwork.modelSha256.substring(0, 10)}</code>
          </Value>
        )}
        {artwork.parentId && (
          <Value label={t('gallery.recipe.parent')}>
            <Link to={{ search: `?${withGalleryQuery(params, { artwork: artwork.parentId })}` }}>
              {t('gallery.recipe.parentLink')}
            </Link>
          </Value>
        )}
        {artwork.parentId && strength !== undefined && strength !== null && (
          <Value label={t('gallery.recipe.strength')}>{formatNumber(strength)}</Value>
        )}
      </dl>
      <dl className="recipe-values recipe-hashes">
        <Value label={t('gallery.recipe.provenanceHash')} copy={artwork.provenanceHash} wide testId="recipe-provenance">
          <code>{artwork.provenanceHash}</code>
        </Value>
        {artwork.tokenId && (
          <Value label={t('gallery.recipe.tokenId')} copy={artwork.tokenId} wide testId="recipe-token">
            <code>{artwork.tokenId}</code>
          </Value>
        )}
      </dl>
    </section>
  );
}

function Value(props: { label: string; copy?: string; wide?: boolean; testId?: string; children: ReactNode }) {
  return (
    <div className={props.wide ? 'recipe-value wide' : 'recipe-value'}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>
        <span>{props.children}</span>
        {props.copy && <CopyButton text={props.copy} label={props.label} />}
      </dd>
    </div>
  );
}
