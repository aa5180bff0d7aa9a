import { Link } from 'react-router';
import type { ReactNode } from 'react';

/** A grid card of an artwork that is not for sale: its lazy thumbnail and title link to the artwork's page. */
export function ArtworkTile({ artworkId, title, thumbnail, children }: { artworkId: string; title: string; thumbnail: string; children?: ReactNode }) {
  return (
    <li className="card" data-testid="artwork-tile">
      <Link to={`/artworks/${artworkId}`} className="card-link">
        <img src={thumbnail} alt={title} loading="lazy" decoding="async" width="256" height="256" />
        <strong className="card-title">{title}</strong>
      </Link>
      {children && <div className="card-body">{children}</div>}
    </li>
  );
}
