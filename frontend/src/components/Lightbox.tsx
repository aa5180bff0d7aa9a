import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ArtworkImage } from './ArtworkImage';

export interface LightboxItem {
  id: string;
  image: string;
  alt: string;
}

interface Props {
  items: LightboxItem[];
  index: number | null;
  onIndex: (index: number | null) => void;
  /** Actions shown under the image (download, variation, ...), for the item shown. */
  actions?: (item: LightboxItem) => ReactNode;
}

/** A modal `<dialog>` over a list of images: ← and → step through them, Esc (or Close) closes it. */
export function Lightbox({ items, index, onIndex, actions }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const open = index !== null && index >= 0 && index < items.length;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const step = (delta: number) => {
    if (index === null || items.length === 0) return;
    onIndex((index + delta + items.length) % items.length);
  };

  const item = open ? items[index] : undefined;
  return (
    <dialog
      ref={dialog}
      className="lightbox"
      aria-label={t('lightbox.label')}
      onClose={() => onIndex(null)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowRight') step(1);
        if (event.key === 'ArrowLeft') step(-1);
      }}
    >
      {item && (
        <figure>
          <ArtworkImage key={item.id} src={item.image} alt={item.alt} />
          <figcaption>
            {t('lightbox.position', { current: (index ?? 0) + 1, total: items.length })}
            {actions?.(item)}
          </figcaption>
        </figure>
      )}
      <div className="lightbox-nav">
        <button type="button" className="icon" onClick={() => step(-1)} aria-label={t('lightbox.previous')} disabled={items.length < 2}>
          ←
        </button>
        <button type="button" className="icon" onClick={() => step(1)} aria-label={t('lightbox.next')} disabled={items.length < 2}>
          →
        </button>
        <button type="button" onClick={() => onIndex(null)} autoFocus>
          {t('lightbox.close')}
        </button>
      </div>
    </dialog>
  );
}
