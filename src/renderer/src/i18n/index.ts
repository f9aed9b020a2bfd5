// i18next set-up: one JSON catalog per feature namespace under locales/<lang>/<namespace>.json, found at build time.
//
// To add strings for a feature: create locales/en/<feature>.json and locales/es/<feature>.json with the same
// keys, then `useTranslation('<feature>')`. test/i18n checks that both languages have the same keys.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, FALLBACK_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from './detect';

type Catalog = Record<string, unknown>;

const files = import.meta.glob<Catalog>('./locales/*/*.json', { eager: true, import: 'default' });

/** { en: { app: {...}, editor: {...} }, es: {...} } from the catalog files. */
function resources(): Record<string, Record<string, Catalog>> {
  const out: Record<string, Record<string, Catalog>> = {};
  for (const [path, catalog] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match;
    (out[lang] ??= {})[ns] = catalog;
  }
  return out;
}

function savedLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Initialises i18next once, in the language the user chose before or the OS prefers. */
export async function initI18n(): Promise<I18n> {
  const res = resources();
  await i18next.use(initReactI18next).init({
    resources: res,
    lng: detectLanguage(savedLanguage(), navigator.languages ?? [navigator.language]),
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(res[FALLBACK_LANGUAGE] ?? {}),
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** Switches the UI language and remembers the choice. */
export async function setLanguage(lang: Language): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Storage can be disabled; the choice then lasts for this session only.
  }
}

export { LANGUAGES, type Language };
