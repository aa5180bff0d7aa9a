import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '中文' },
] as const;

export const LANGUAGE_KEY = 'artmint.lang';

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
    supportedLngs: ['en', 'zh-CN'],
    nonExplicitSupportedLngs: false,
    fallbackLng: { zh: ['zh-CN'], 'zh-Hans': ['zh-CN'], default: ['en'] },
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (language: string) => (language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'),
    },
  });

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
}

applyLanguage(i18n.resolvedLanguage ?? i18n.language ?? 'en');
i18n.on('languageChanged', applyLanguage);

export default i18n;
