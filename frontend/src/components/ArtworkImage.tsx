import { useEffect, useState, type ImgHTMLAttributes } from 'react';
import { blobUrl } from '../api/client';

type Props = Omit<ImgHTMLAttributes<HTMLImageElement>, 'src'> & { src: string; alt: string };

/**
 * An artwork image that may be private: an `<img>` cannot send the bearer token, so the bytes are fetched with it
 * and shown from an object URL (revoked when the image goes). Loads when it nears the viewport.
 */
export function ArtworkImage({ src, alt, ...rest }: Props) {
  const [url, setUrl] = useState<string>();
  const [element, setElement] = useState<HTMLImageElement | null>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (!element || visible) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
    }, { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, visible]);

  useEffect(() => {
    if (!visible) return;
    const controller = new AbortController();
    let objectUrl: string | undefined;
    blobUrl(src, controller.signal)
      .then((created) => {
        objectUrl = created;
        setUrl(created);
      })
      .catch(() => undefined);
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src, visible]);

  return <img ref={setElement} src={url} alt={alt} {...rest} />;
}
