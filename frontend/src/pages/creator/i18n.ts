import i18n from '../../i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

// the profile's strings live with the page, under "creator"
i18n.addResourceBundle('en', 'translation', { creator: en }, true, true);
i18n.addResourceBundle('zh-CN', 'translation', { creator: zh }, true, true);
