// The "Recent" toolbar menu: the last projects saved or opened, newest first.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentProject } from './autosave.ts';

export function RecentMenu({ items, onOpen }: { items: RecentProject[]; onOpen(r: RecentProject): void }) {
  const { t, i18n } = useTranslation('editor');
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime())
      ? ''
      : d.toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  };
  return (
    <div
      className="tool-menu"
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        type="button"
        className="tool"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={items.length === 0}
        title={items.length === 0 ? t('recent.none') : t('recent.help')}
        onClick={() => {
          setOpen(!open);
          requestAnimationFrame(() => first.current?.focus());
        }}
      >
        <span aria-hidden="true" className="tool-icon">
          ◷
        </span>
        <span className="tool-label">{t('recent.button')} ▾</span>
      </button>
      {open && (
        <ul className="tool-popup" role="menu" aria-label={t('recent.button')}>
          {items.map((r, i) => (
            <li key={`${r.path ?? ''}:${r.name}`} role="none">
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                role="menuitem"
                data-testid="recent-project"
                onClick={() => {
                  setOpen(false);
                  onOpen(r);
                }}
              >
                <strong>{r.name}</strong>
                <span>{r.path ?? when(r.savedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
