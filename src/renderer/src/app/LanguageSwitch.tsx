// The EN/ES switch in the header; Keras names stay as they are in both languages.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { matchLanguage } from '../i18n/detect';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('app');
  const current: Language = matchLanguage(i18n.language) ?? 'en';
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          data-lang={lang}
          aria-pressed={current === lang}
          title={t(`language.${lang}`)}
          onClick={() => void setLanguage(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
