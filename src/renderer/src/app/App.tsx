// The app shell: header with menus and tabs, the active view, the status line; wires native menu events.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { setLanguage } from '../i18n';
import { isLanguage } from '../i18n/detect';
import { invoke, isElectron, on } from '../lib/ipc';
import { useAppStoreApi } from '../store/StoreProvider';
import { AboutDialog } from './AboutDialog';
import { AppHeader } from './AppHeader';
import { StatusBar } from './StatusBar';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import { useCommandBus, type AppCommand } from './commands';
import { useShortcuts } from './useShortcuts';
import { useTheme } from './useTheme';
import { ViewContext, type ActiveView } from './view-context';
import { isViewId, VIEWS, type ViewId } from './views';

export function App() {
  const { t } = useTranslation('app');
  const store = useAppStoreApi();
  const bus = useCommandBus();
  const { theme, toggle } = useTheme();
  const [view, setView] = useState<ViewId>('editor');
  const [visited, setVisited] = useState<ReadonlySet<ViewId>>(() => new Set(['editor']));
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [offline, setOffline] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);

  const show = useCallback((next: ViewId) => {
    setView(next);
    setVisited((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  }, []);

  const runCommand = useCallback(
    (command: AppCommand) => {
      if (!bus.run(command)) {
        store
          .getState()
          .notify({ kind: 'info', key: 'app:commands.unhandled', values: { command: t(`menu.${command}`) } });
      }
    },
    [bus, store, t],
  );

  useEffect(() => {
    invoke('app:info').then(
      (i) => setInfo(i),
      () => setOffline(true),
    );
  }, []);

  useEffect(
    () =>
      on('app:menu', ({ command, value }) => {
        if (command === 'toggleTheme') toggle();
        else if (command === 'language' && isLanguage(value)) void setLanguage(value);
        else if (command === 'view' && isViewId(value)) show(value);
        else if (command === 'new' || command === 'open' || command === 'save' || command === 'saveAs')
          runCommand(command);
      }),
    [toggle, show, runCommand],
  );

  const electron = isElectron();
  useShortcuts(!electron, runCommand);
  const mod = useMemo(() => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'), []);
  const active: ActiveView = useMemo(() => ({ view, setView: show }), [view, show]);

  return (
    <ViewContext.Provider value={active}>
      <div className="app">
        <AppHeader
          view={view}
          onView={show}
          theme={theme}
          onToggleTheme={toggle}
          onCommand={runCommand}
          onAbout={() => setAboutOpen(true)}
          mod={mod}
        />
        <main className="app-main">
          {VIEWS.filter(({ id }) => visited.has(id)).map(({ id, Component }) => (
            <div
              key={id}
              id={`view-${id}`}
              role="tabpanel"
              aria-labelledby={`tab-${id}`}
              className="app-view"
              hidden={id !== view}
              data-view-panel={id}
            >
              <ViewErrorBoundary view={id}>
                <Component />
              </ViewErrorBoundary>
            </div>
          ))}
        </main>
        <StatusBar info={info} offline={offline} />
        {aboutOpen && <AboutDialog info={info} onClose={() => setAboutOpen(false)} />}
      </div>
    </ViewContext.Provider>
  );
}
