import i18n from '../../i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

// the gallery's strings live with the page, under "gallery", so other pages' locale files never conflict with them
i18n.addResourceBundle('en', 'translation', { gallery: en }, true, true);
i18n.addResourceBundle('zh-CN', 'translation', { gallery: zh }, true, true);
