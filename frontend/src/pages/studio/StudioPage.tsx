import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import { useModels } from '../../api/queries';
import { useAuth } from '../../auth/useAuth';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RequireRole } from '../../components/RequireRole';
import { usePageTitle } from '../../lib/usePageTitle';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import { Studio } from './Studio';
import './studio.css';

// the studio's strings live with it, so other pages' locale files never conflict with them
i18n.addResourceBundle('en', 'translation', { studio: en }, true, true);
i18n.addResourceBundle('zh-CN', 'translation', { studio: zh }, true, true);

/** /studio: generate images, for creators. */
export default function StudioPage() {
  const { t } = useTranslation();
  const { authenticated, hasRole } = useAuth();
  // while the studio is shown it keeps the title itself, with the job's progress
  usePageTitle(authenticated && hasRole('creator') ? undefined : t('studio.title'));
  return (
    <RequireRole role="creator">
      <StudioWithModels />
    </RequireRole>
  );
}

function StudioWithModels() {
  const { t } = useTranslation();
  const models = useModels();
  if (models.isPending) return <p className="loading">{t('studio.loadingModels')}</p>;
  if (models.error) return <ProblemMessage error={models.error} />;
  if (models.data.length === 0) return <p className="empty">{t('studio.noModels')}</p>;
  return <Studio models={models.data} />;
}
