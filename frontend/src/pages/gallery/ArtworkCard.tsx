import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArtworkImage } from '../../components/ArtworkImage';
import { formatDateTime } from '../../lib/format';
import type { Artwork } from '../../api/types';
import { useKnownArtworkPage } from './api';
import { ArtworkBadges } from './ArtworkBadges';

/** A grid card: the thumbnail in a square box (so nothing moves when it loads), the title, prompt, date and badges. */
interface Props {
  artwork: Artwork;
  to: string;
  mintSent: boolean;
  listedOnMarket: boolean;
}

export function ArtworkCard({ artwork, to, mintSent, listedOnMarket }: Props) {
  const { t } = useTranslation();
  const page = useKnownArtworkPage(artwork.id);
  return (
    <li className="card gallery-card">
      <Link to={to} state={{ galleryOpened: true }} className="card-link" data-artwork-link={artwork.id}>
        <span className="thumb">
          <ArtworkImage src={artwork.thumbnail} alt="" width={artwork.width} height={artwork.height} decoding="async" />
        </span>
        <span className="card-body">
          {/* an untitled artwork is known by its prompt */}
          <strong className="card-title">{artwork.title || artwork.prompt || t('gallery.untitled')}</strong>
          {artwork.title && artwork.prompt && <span className="card-prompt">{artwork.prompt}</span>}
          <span className="hint">{formatDateTime(artwork.createdAt)}</span>
          <ArtworkBadges artwork={artwork} page={page.data} mintSent={mintSent} listedOnMarket={listedOnMarket} />
        </span>
      </Link>
    </li>
  );
}
