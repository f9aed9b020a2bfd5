// Electron main: app lifecycle, the hardened window, the native menu and IPC wiring. The only file importing electron.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  utilityProcess,
  type MenuItemConstructorOptions,
} from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkEventPayload,
  type EventChannel,
  type EventPayload,
  type EventSink,
} from '../shared/ipc/contract';
import { fromUtilityProcess } from '../engine/process/host';
import { createHandlers } from './handlers';
import { menuTemplate, type MenuEntry } from './menu';
import { registerHandlers } from './register';
import { createServices } from './services';
import { CONTENT_SECURITY_POLICY, isAllowedRequest, isAppUrl } from './security';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '../renderer');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rootUrl = new URL(`file://${rendererRoot}/`).href;

const events: EventSink = {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>) {
    const problem = checkEventPayload(channel, payload);
    if (problem) {
      console.error(problem);
      return;
    }
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channel, payload);
  },
};

function sendMenu(entry: Extract<MenuEntry, { kind: 'action' }>): void {
  events.emit(
    'app:menu',
    entry.value === undefined ? { command: entry.command } : { command: entry.command, value: entry.value },
  );
}

function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = menuTemplate(app.getLocale()).map((section) => ({
    label: section.label,
    submenu: section.entries.map((entry): MenuItemConstructorOptions => {
      if (entry.kind === 'separator') return { type: 'separator' };
      if (entry.kind === 'role')
        return entry.label ? { role: entry.role, label: entry.label } : { role: entry.role };
      return { label: entry.label, accelerator: entry.accelerator, click: () => sendMenu(entry) };
    }),
  }));
  return Menu.buildFromTemplate(template);
}

function harden(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // No remote content: only the app's own files (and the dev server while developing).
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, rendererRoot, devServerUrl) });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url, rendererRoot, devServerUrl)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isAppUrl(url, rendererRoot, devServerUrl)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web (documentation) open in the user's browser, never inside the app.
      if (/^https:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Convnet Studio',
    backgroundColor: '#f4f5f9',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The page's beforeunload refuses to unload while a model trains: ask, and close only on "stop".
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Stop training and close', 'Keep training'],
      defaultId: 1,
      cancelId: 1,
      message: 'A model is training. Stop it and close?',
      detail: 'Every completed epoch is already saved with its run.',
    });
    if (choice === 0) event.preventDefault();
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(rendererRoot, 'index.html'));
  return win;
}

async function main(): Promise<void> {
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  harden();
  Menu.setApplicationMenu(buildMenu());
  const dialogs = {
    async openFile() {
      const r = await dialog.showOpenDialog({
        properties: ['openFile'],
        filters: [{ name: 'Convnet Studio project', extensions: ['json'] }],
      });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async saveFile(suggestedName: string) {
      const r = await dialog.showSaveDialog({
        defaultPath: suggestedName,
        filters: [{ name: 'Convnet Studio project', extensions: ['json'] }],
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
  const services = createServices(events, {
    spawnEngine: fromUtilityProcess(() =>
      utilityProcess.fork(join(here, 'engine-child.js'), [], { serviceName: 'Convnet Studio engine' }),
    ),
  });
  // Quitting ends the engine process; the run in progress keeps its completed epochs on disk.
  app.on('will-quit', () => services.training?.dispose());
  const handlers = createHandlers({
    shell: 'electron',
    version: app.getVersion(),
    electron: { electron: process.versions.electron, chrome: process.versions.chrome },
    events,
    dialogs,
    async chooseFolder() {
      const r = await dialog.showOpenDialog({ properties: ['openDirectory'] });
      return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
    },
    ...services,
  });
  registerHandlers(ipcMain, handlers, {
    isTrustedSender: (url) => isAppUrl(url, rendererRoot, devServerUrl) || url.startsWith(rootUrl),
  });
  createWindow();
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

main().catch((error: unknown) => {
  dialog.showErrorBox(
    'Convnet Studio could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.quit();
});
