import { NavLink, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { useCredits, useMe } from '../api/queries';
import { LANGUAGES } from '../i18n';
import { formatNumber } from '../lib/format';

/** The app bar: where to go, who is signed in, their credits and the language switch. */
export function Header() {
  const { t, i18n } = useTranslation();
  const { authenticated, signIn, signOut, hasRole } = useAuth();
  const me = useMe();
  const credits = useCredits();
  return (
    <header className="app-header">
      <Link to="/" className="brand" aria-label={t('nav.home')}>
        <img src="/favicon.svg" alt="" width="28" height="28" />
        <span>ArtMint</span>
      </Link>
      <nav aria-label={t('nav.main')}>
        <NavLink to="/explore">{t('nav.explore')}</NavLink>
        <NavLink to="/studio">{t('nav.studio')}</NavLink>
        {authenticated && <NavLink to="/gallery">{t('nav.gallery')}</NavLink>}
        {authenticated && <NavLink to="/wallet">{t('nav.wallet')}</NavLink>}
        {authenticated && hasRole('admin') && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
      </nav>
      <div className="header-tools">
        {authenticated && hasRole('creator') && credits.data && (
          <span className="credits" data-testid="credits" title={t('header.creditsHint')}>
            {t('header.credits', { count: credits.data.available, formatted: formatNumber(credits.data.available) })}
          </span>
        )}
        <label className="language">
          <span className="visually-hidden">{t('header.language')}</span>
          <select value={i18n.resolvedLanguage} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.label}
              </option>
            ))}
          </select>
        </label>
        {authenticated ? (
          <>
            {me.data ? (
              <Link className="user" data-testid="user" to={`/creators/${encodeURIComponent(me.data.handle)}`}>
                {me.data.displayName}
              </Link>
            ) : (
              <span className="user" data-testid="user" />
            )}
            <button type="button" onClick={signOut}>
              {t('header.signOut')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => signIn()}>
            {t('header.signIn')}
          </button>
        )}
      </div>
    </header>
  );
}
