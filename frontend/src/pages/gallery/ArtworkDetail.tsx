import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { ArtworkImage } from '../../components/ArtworkImage';
import { Lightbox } from '../../components/Lightbox';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../lib/format';
import { formatInfotext } from '../../lib/infotext';
import type { Artwork } from '../../api/types';
import { useArtwork, useArtworkPage, useInvalidateArtwork, type MintView } from './api';
import { ArtworkBadges } from './ArtworkBadges';
import { CopyButton } from './CopyButton';
import { downloadPng } from './download';
import { MarketSection } from './MarketSection';
import { RecipePanel } from './RecipePanel';
import { recipeOf, studioLinks } from './recipe';
import { VerifyPanel } from './VerifyPanel';

interface Props {
  /** The artwork shown; null keeps the panel closed. */
  id: string | null;
  /** The artworks of the grid, for ← and →. */
  items: Artwork[];
  mints: Record<string, MintView>;
  onMint: (id: string, mint: MintView) => void;
  onSelect: (id: string) => void;
  onClose: () => void;
}

/**
 * One artwork in a modal side panel: the image (full size in the lightbox), its recipe with copy buttons and the
 * studio's actions, verification, and the marketplace. Esc closes it; ← and → step through the grid.
 */
export function ArtworkDetail({ id, items, mints, onMint, onSelect, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [lightbox, setLightbox] = useState(false);
  const known = items.find((item) => item.id === id);
  const artwork = useArtwork(id, known);
  const mint = id ? (mints[id] ?? null) : null;
  const page = useArtworkPage(id, mint !== null);
  const invalidate = useInvalidateArtwork();
  const open = id !== null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      heading.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const mintedNow = mint !== null && page.data?.chain?.minted === true;
  useEffect(() => {
    // the chain confirmed the mint sent from here: the cards learn it too
    if (mintedNow && id) void invalidate(id);
  }, [mintedNow, id, invalidate]);

  const index = items.findIndex((item) => item.id === id);
  const step = (delta: number) => {
    if (index < 0 || items.length < 2) return;
    onSelect(items[(index + delta + items.length) % items.length].id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (event.key === 'ArrowRight') step(1);
    if (event.key === 'ArrowLeft') step(-1);
  };

  const data = artwork.data;
  const notFound = artwork.error instanceof ApiProblem && artwork.error.status === 404;
  const title = data ? data.title || t('gallery.untitled') : '';
  return (
    <>
      <dialog
        ref={dialog}
        className="artwork-panel"
        aria-labelledby="detail-title"
        onClose={onClose}
        onKeyDown={onKeyDown}
        data-testid="artwork-detail"
      >
        <header className="panel-head">
          <h2 id="detail-title" ref={heading} tabIndex={-1}>
            {data ? title : t('gallery.detail.label')}
          </h2>
          {index >= 0 && items.length > 1 && (
            <span className="hint">{t('gallery.detail.position', { current: index + 1, total: items.length })}</span>
          )}
          <div className="panel-nav">
            <button type="button" className="icon" onClick={() => step(-1)} aria-label={t('gallery.detail.previous')} disabled={index < 0 || items.length < 2}>
              <span aria-hidden="true">←</span>
            </button>
            <button type="button" className="icon" onClick={() => step(1)} aria-label={t('gallery.detail.next')} disabled={index < 0 || items.length < 2}>
              <span aria-hidden="true">→</span>
            </button>
            <button type="button" className="icon" onClick={onClose} aria-label={t('gallery.detail.close')}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
        </header>
        {open && notFound && <p className="problem" role="alert">{t('gallery.detail.notFound')}</p>}
        {open && !notFound && <ProblemMessage error={artwork.error} />}
        {open && !data && artwork.isPending && <p className="loading">{t('common.loading')}</p>}
        {open && data && (
          <Body key={data.id} artwork={data} page={page.data} mint={mint} onMint={(sent) => onMint(data.id, sent)} onEnlarge={() => setLightbox(true)} />
        )}
      </dialog>
      <Lightbox
        items={data ? (index >= 0 ? items : [data]).map((item) => ({ id: item.id, image: item.image, alt: item.prompt ?? item.title ?? '' })) : []}
        index={lightbox && data ? Math.max(index, 0) : null}
        onIndex={(next) => {
          if (next === null) setLightbox(false);
          else if (index >= 0) onSelect(items[next].id);
        }}
      />
    </>
  );
}

function Body(props: {
  artwork: Artwork;
  page: ReturnType<typeof useArtworkPage>['data'];
  mint: MintView | null;
  onMint: (mint: MintView) => void;
  onEnlarge: () => void;
}) {
  const { t } = useTranslation();
  const { artwork, page } = props;
  const strength = page?.provenance?.record.strength;
  const recipe = recipeOf(artwork, strength);
  // a variation's infotext names its denoising strength, which only the provenance record holds
  const infotext = recipe && (!artwork.parentId || page) ? formatInfotext(recipe) : null;
  const download = useMutation({ mutationFn: () => downloadPng(artwork) });
  return (
    <div className="panel-body">
      <div className="panel-image">
        <button type="button" className="image-button" onClick={props.onEnlarge} aria-label={t('gallery.detail.enlarge')}>
          <ArtworkImage
            src={artwork.image}
            alt=""
            width={artwork.width}
            height={artwork.height}
            style={{ aspectRatio: `${artwork.width} / ${artwork.height}` }}
          />
        </button>
        <ArtworkBadges artwork={artwork} page={page} mintSent={props.mint !== null} />
        <p className="hint">{t('gallery.created', { date: formatDateTime(artwork.createdAt) })}</p>
        <div className="actions" role="group" aria-label={t('gallery.actions.label')}>
          {infotext && (
            <CopyButton text={infotext} label={t('gallery.actions.copyParametersHint')}>
              {t('gallery.actions.copyParameters')}
            </CopyButton>
          )}
          <Link className="button" to={studioLinks.reuse(artwork.id)}>
            <span aria-hidden="true">♻</span> {t('gallery.actions.reuse')}
          </Link>
          <Link className="button" to={studioLinks.remix(artwork.id)} title={t('gallery.actions.remixHint')}>
            <span aria-hidden="true">↻</span> {t('gallery.actions.remix')}
          </Link>
          <Link className="button" to={studioLinks.variation(artwork.id)}>
            <span aria-hidden="true">◐</span> {t('gallery.actions.variation')}
          </Link>
          <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
            <span aria-hidden="true">⤓</span> {download.isPending ? t('gallery.actions.downloading') : t('gallery.actions.download')}
          </button>
        </div>
        <ProblemMessage error={download.error} />
      </div>
      <div className="panel-info">
        <RecipePanel artwork={artwork} strength={strength} />
        <MarketSection artwork={artwork} page={page} mint={props.mint} onMint={props.onMint} />
        <VerifyPanel artworkId={artwork.id} />
      </div>
    </div>
  );
}
