// Renderer entry: global styles, i18n, the app store and the command bus, then the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CommandProvider, createCommandBus } from './app/commands';
import { initialTheme } from './app/useTheme';
import { initI18n } from './i18n';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/StoreProvider';
import './styles/global.css';
import './styles/shell.css';

async function start(): Promise<void> {
  await initI18n();
  const store = createAppStore({ state: { theme: initialTheme() } });
  document.documentElement.dataset.theme = store.getState().theme;
  const bus = createCommandBus((error) =>
    store
      .getState()
      .notify({ kind: 'error', key: '', text: error instanceof Error ? error.message : String(error) }),
  );
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks <div id="root">.');
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <CommandProvider bus={bus}>
          <App />
        </CommandProvider>
      </StoreProvider>
    </StrictMode>,
  );
}

void start();
