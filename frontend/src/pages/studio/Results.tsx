import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { blobUrl } from '../../api/client';
import type { Artwork } from '../../api/types';
import { ArtworkImage } from '../../components/ArtworkImage';
import { Lightbox } from '../../components/Lightbox';
import { ProblemMessage } from '../../components/ProblemMessage';
import { artworkName, useArtwork } from './useArtwork';

interface Props {
  images: Artwork[];
  /** Images still to come, shown as placeholders. */
  pending: number;
  onVariation: (artwork: Artwork) => void;
}

/** The job's images as they arrive, each to open in the lightbox, download, or start a variation from. */
export function Results({ images, pending, onVariation }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (artwork: Artwork) => {
    setError(null);
    try {
      const url = await blobUrl(artwork.image);
      const link = document.createElement('a');
      link.href = url;
      link.download = `artmint-${artwork.seed}-${artwork.id.substring(0, 8)}.png`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError(failure);
    }
  };

  const actions = (artwork: Artwork) => (
    <span className="result-actions">
      <button type="button" onClick={() => void download(artwork)}>
        {t('studio.results.download')}
      </button>
      <button
        type="button"
        onClick={() => {
          setOpen(null);
          onVariation(artwork);
        }}
      >
        {t('studio.results.variation')}
      </button>
    </span>
  );

  if (images.length === 0 && pending === 0) {
    return <p className="results-empty">{t('studio.results.empty')}</p>;
  }
  const items = images.map((artwork, index) => ({
    id: artwork.id,
    image: artwork.image,
    alt: t('studio.results.alt', { index: index + 1, seed: artwork.seed }),
  }));
  return (
    <section className="results" aria-labelledby="studio-results">
      <h2 id="studio-results">{t('studio.results.heading')}</h2>
      <ProblemMessage error={error} onDismiss={() => setError(null)} />
      <ul className="results-grid">
        {images.map((artwork, index) => (
          <li key={artwork.id} className="result" data-testid="result">
            <button type="button" className="result-open" onClick={() => setOpen(index)} aria-label={t('studio.results.open', { index: index + 1, seed: artwork.seed })}>
              <ArtworkImage src={artwork.thumbnail} alt="" width={artwork.width} height={artwork.height} />
            </button>
            <p className="result-meta">{t('studio.results.seed', { seed: artwork.seed })}</p>
            {artwork.parentId && <ParentLink id={artwork.parentId} />}
            {actions(artwork)}
          </li>
        ))}
        {Array.from({ length: pending }, (_, index) => (
          <li key={`pending-${index}`} className="result pending" aria-hidden="true" />
        ))}
      </ul>
      <Lightbox
        items={items}
        index={open}
        onIndex={setOpen}
        actions={(item) => {
          const artwork = images.find((candidate) => candidate.id === item.id);
          return artwork ? actions(artwork) : null;
        }}
      />
    </section>
  );
}

function ParentLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const parent = useArtwork(id);
  return (
    <Link className="result-parent" to={`/gallery?artwork=${encodeURIComponent(id)}`}>
      {t('studio.init.of', { name: artworkName(parent.data, id) })}
    </Link>
  );
}
