import i18n from '../../i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import '../gallery/i18n';

// the artwork page's strings live with the page, under "artwork"; it reuses the gallery's panels and their strings
i18n.addResourceBundle('en', 'translation', { artwork: en }, true, true);
i18n.addResourceBundle('zh-CN', 'translation', { artwork: zh }, true, true);
