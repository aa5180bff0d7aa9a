import i18n from '../../i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

// the admin page's strings live with the page, under "admin"
i18n.addResourceBundle('en', 'translation', { admin: en }, true, true);
i18n.addResourceBundle('zh-CN', 'translation', { admin: zh }, true, true);
