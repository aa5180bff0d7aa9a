import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useModels } from '../../api/queries';
import { EMPTY_QUERY, isFiltered, listingsParams, normaliseEth, SORTS, type ExploreQuery, type Minted, type PriceProblems } from './query';

interface Props {
  query: ExploreQuery;
  /** What is wrong with the URL's own price bounds (an address typed or shared by hand). */
  problems: PriceProblems;
  /** Models seen on the cards so far, offered as suggestions besides those of the signed-in catalogue. */
  seenModels: string[];
  onApply: (query: ExploreQuery) => void;
}

/**
 * The search and its filters. Text fields apply on Enter or the Search button; the two menus apply at once. Price
 * bounds are checked here, in the reader's language, and a bound that is not an exact ETH amount is never sent.
 */
export function ExploreFilters({ query, problems, seenModels, onApply }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(query);
  const [checked, setChecked] = useState<PriceProblems | null>(null);
  const models = useModels();

  useEffect(() => {
    // the URL changed (Back, a shared link, Clear): the fields show what it says
    setDraft(query);
    setChecked(null);
  }, [query]);

  const submit = (next: ExploreQuery) => {
    const request = listingsParams(next);
    if ('problems' in request) {
      setChecked(request.problems);
      return;
    }
    setChecked(null);
    onApply({ ...next, min: normaliseEth(next.min), max: normaliseEth(next.max) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(draft);
  };
  const text = (name: 'q' | 'creator' | 'model' | 'min' | 'max') => ({
    id: `${id}-${name}`,
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
    autoComplete: 'off',
  });
  const shown = checked ?? problems;
  const priceError = (field: 'min' | 'max') => {
    const error = shown[field];
    return error ? (
      <span id={`${id}-${field}-error`} className="field-error">
        {t(`explore.priceError.${error}`)}
      </span>
    ) : null;
  };
  const suggestions = [...new Set([...(models.data ?? []).map((model) => model.name), ...seenModels])].sort();

  return (
    <form role="search" className="explore-filters" onSubmit={onSubmit} noValidate aria-label={t('explore.filters')}>
      <div className="field explore-q">
        <label htmlFor={`${id}-q`}>{t('explore.search')}</label>
        <div className="explore-q-row">
          <input {...text('q')} type="search" placeholder={t('explore.searchPlaceholder')} enterKeyHint="search" maxLength={200} />
          <button type="submit" className="primary">
            {t('explore.apply')}
          </button>
          {isFiltered(query) && (
            <button type="button" onClick={() => onApply({ ...EMPTY_QUERY, sort: query.sort })}>
              {t('explore.clear')}
            </button>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-creator`}>{t('explore.creator')}</label>
        <input {...text('creator')} placeholder={t('explore.creatorPlaceholder')} spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-model`}>{t('explore.model')}</label>
        <input {...text('model')} list={`${id}-models`} spellCheck={false} />
        <datalist id={`${id}-models`}>
          {suggestions.map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
      </div>
      <div className="field explore-price">
        <label htmlFor={`${id}-min`}>{t('explore.minPrice')}</label>
        <input
          {...text('min')}
          inputMode="decimal"
          placeholder="0"
          aria-invalid={shown.min ? true : undefined}
          aria-describedby={shown.min ? `${id}-min-error` : undefined}
        />
        {priceError('min')}
      </div>
      <div className="field explore-price">
        <label htmlFor={`${id}-max`}>{t('explore.maxPrice')}</label>
        <input
          {...text('max')}
          inputMode="decimal"
          aria-invalid={shown.max ? true : undefined}
          aria-describedby={shown.max ? `${id}-max-error` : undefined}
        />
        {priceError('max')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-minted`}>{t('explore.minted')}</label>
        <select id={`${id}-minted`} value={draft.minted} onChange={(event) => submit({ ...draft, minted: event.target.value as Minted })}>
          <option value="">{t('explore.mintedAny')}</option>
          <option value="true">{t('explore.mintedYes')}</option>
          <option value="false">{t('explore.mintedNo')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('explore.sort')}</label>
        <select id={`${id}-sort`} value={draft.sort} onChange={(event) => submit({ ...draft, sort: event.target.value as ExploreQuery['sort'] })}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`explore.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
