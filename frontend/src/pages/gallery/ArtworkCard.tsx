import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArtworkImage } from '../../components/ArtworkImage';
import { formatDateTime } from '../../lib/format';
import { useKnownArtworkPage, type GalleryArtwork } from './api';
import { ArtworkBadges } from './ArtworkBadges';

/** A grid card: the thumbnail in a square box (so nothing moves when it loads), the title, prompt, date and badges. */
export function ArtworkCard({ artwork, to, mintSent }: { artwork: GalleryArtwork; to: string; mintSent: boolean }) {
  const { t } = useTranslation();
  const page = useKnownArtworkPage(artwork.id);
  return (
    <li className="card gallery-card">
      <Link to={to} state={{ galleryOpened: true }} className="card-link" data-artwork-link={artwork.id}>
        <span className="thumb">
          <ArtworkImage src={artwork.thumbnail} alt="" width={artwork.width} height={artwork.height} decoding="async" />
        </span>
        <span className="card-body">
          <strong className="card-title">{artwork.title || t('gallery.untitled')}</strong>
          {artwork.prompt && <span className="card-prompt">{artwork.prompt}</span>}
          <span className="hint">{formatDateTime(artwork.createdAt)}</span>
          <ArtworkBadges artwork={artwork} page={page.data} mintSent={mintSent} />
        </span>
      </Link>
    </li>
  );
}
