// The header bar: brand, File and Help menus, view tabs, theme and language switches.
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { Menu } from './Menu';
import { ThemeToggle } from './ThemeToggle';
import { ViewTabs } from './ViewTabs';
import type { AppCommand } from './commands';
import type { Theme } from './useTheme';
import type { ViewId } from './views';

export interface AppHeaderProps {
  view: ViewId;
  onView(view: ViewId): void;
  theme: Theme;
  onToggleTheme(): void;
  onCommand(command: AppCommand): void;
  onAbout(): void;
  /** "Ctrl" or "⌘", for the shortcut hints. */
  mod: string;
}

export function AppHeader({ view, onView, theme, onToggleTheme, onCommand, onAbout, mod }: AppHeaderProps) {
  const { t } = useTranslation(['app', 'export']);
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <Logo />
        <span className="app-header__name">{t('brand')}</span>
      </div>
      <div className="app-header__menus">
        <Menu
          label={t('menu.file')}
          items={[
            { id: 'new', label: t('menu.new'), shortcut: `${mod}+N`, onSelect: () => onCommand('new') },
            { id: 'open', label: t('menu.open'), shortcut: `${mod}+O`, onSelect: () => onCommand('open') },
            { id: 'save', label: t('menu.save'), shortcut: `${mod}+S`, onSelect: () => onCommand('save') },
            {
              id: 'saveAs',
              label: t('menu.saveAs'),
              shortcut: `${mod}+Shift+S`,
              onSelect: () => onCommand('saveAs'),
            },
            {
              id: 'exportKerasPy',
              label: t('export:menu.kerasPy'),
              onSelect: () => onCommand('exportKerasPy'),
            },
            {
              id: 'exportKerasJson',
              label: t('export:menu.kerasJson'),
              onSelect: () => onCommand('exportKerasJson'),
            },
            { id: 'exportRun', label: t('export:menu.run'), onSelect: () => onCommand('exportRun') },
          ]}
        />
        <Menu label={t('menu.help')} items={[{ id: 'about', label: t('menu.about'), onSelect: onAbout }]} />
      </div>
      <ViewTabs active={view} onChange={onView} />
      <div className="app-header__tools">
        <LanguageSwitch />
        <ThemeToggle theme={theme} onToggle={onToggleTheme} />
      </div>
    </header>
  );
}
