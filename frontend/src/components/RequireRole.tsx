import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';

/** Shows its children to signed-in users with the role; asks others to sign in, or explains why they cannot. */
export function RequireRole({ role, children }: { role?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { authenticated, hasRole, signIn } = useAuth();
  if (!authenticated) {
    return (
      <section className="gate">
        <h1>{t('gate.signInTitle')}</h1>
        <p>{t('gate.signInBody')}</p>
        <button type="button" className="primary" onClick={() => signIn()}>
          {t('header.signIn')}
        </button>
      </section>
    );
  }
  if (role && !hasRole(role)) {
    return (
      <section className="gate" role="alert">
        <h1>{t('gate.roleTitle')}</h1>
        <p>{t(`gate.role.${role}`)}</p>
      </section>
    );
  }
  return <>{children}</>;
}
