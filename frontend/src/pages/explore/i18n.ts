import i18n from '../../i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

// the explore page's strings live with the page, under "explore"
i18n.addResourceBundle('en', 'translation', { explore: en }, true, true);
i18n.addResourceBundle('zh-CN', 'translation', { explore: zh }, true, true);
