import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArtworkImage } from '../../components/ArtworkImage';
import { ProblemMessage } from '../../components/ProblemMessage';
import { FieldError, FieldHint, fieldProps, type FieldErrors } from './fields';
import { artworkName, useArtwork } from './useArtwork';

interface Props {
  init: { artworkId: string; strength: number };
  errors: FieldErrors;
  onStrength: (strength: number) => void;
  onRemove: () => void;
}

/** The image a variation starts from, a link to it, and how strongly the new image may depart from it. */
export function InitImage({ init, errors, onStrength, onRemove }: Props) {
  const { t } = useTranslation();
  const artwork = useArtwork(init.artworkId);
  const strength = fieldProps('strength', errors, true);
  return (
    <fieldset className="init" aria-describedby={errors.initArtworkId ? 'studio-initArtworkId-error' : undefined}>
      <legend>{t('studio.init.legend')}</legend>
      <div className="init-row">
        <ArtworkImage className="init-thumb" src={`/api/artworks/${encodeURIComponent(init.artworkId)}/thumbnail`} alt={t('studio.init.alt')} width={72} height={72} />
        <div className="init-body">
          <Link to={`/gallery?artwork=${encodeURIComponent(init.artworkId)}`}>
            {t('studio.init.of', { name: artworkName(artwork.data, init.artworkId) })}
          </Link>
          <button type="button" className="icon" aria-label={t('studio.init.remove')} title={t('studio.init.remove')} onClick={onRemove}>
            ✕
          </button>
        </div>
      </div>
      {artwork.error && <ProblemMessage error={artwork.error} />}
      <FieldError field="initArtworkId" errors={errors} />
      <div className="field">
        <label htmlFor={strength.id}>{t('studio.init.strength')}</label>
        <div className="slider">
          <input type="range" min={0.05} max={1} step={0.05} value={init.strength} onChange={(event) => onStrength(Number(event.target.value))} {...strength} />
          <output htmlFor={strength.id} aria-hidden="true">
            {init.strength.toFixed(2)}
          </output>
        </div>
        <FieldHint field="strength">{t('studio.init.strengthHint')}</FieldHint>
        <FieldError field="strength" errors={errors} />
      </div>
    </fieldset>
  );
}
