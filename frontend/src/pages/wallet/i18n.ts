import i18n from '../../i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

// the wallet's strings live with the page, under "wallet"
i18n.addResourceBundle('en', 'translation', { wallet: en }, true, true);
i18n.addResourceBundle('zh-CN', 'translation', { wallet: zh }, true, true);
