// The e2e harness: the real server with the built renderer (out/web), driven by Debian's Chromium via playwright-core.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_ROOT = join(ROOT, 'out/web');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');
export const CHROMIUM = '/usr/bin/chromium';
/** The flags that make Debian's Chromium behave in a container (see shared/workplace.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--test-type',
];

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** Browser languages, e.g. ['es-ES'] to start in Spanish. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Replaces the app's handlers (rarely needed: e2e tests drive the real engine). */
  handlers?: ServerOptions['handlers'];
}

export interface LaunchedApp {
  page: Page;
  context: BrowserContext;
  server: RunningServer;
  /** The address with the token, as `npm start` prints it. */
  url: string;
  /** Uncaught page errors and console errors, for tests to assert there are none. */
  errors: string[];
  close(): Promise<void>;
}

/** Builds out/web once when it is missing (npm test builds it before the tests run). */
export function ensureWebBuild(): void {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.web.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0)
    throw new Error('Building the web UI failed: run `npm run build:web` and read its errors.');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A private copy of out/web for one launch: a build running meanwhile (it empties out/web first)
 * cannot pull the page from under a test. Retries while a build is half-written.
 */
async function snapshotWebRoot(): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    if (attempt === 0) ensureWebBuild();
    const copy = mkdtempSync(join(tmpdir(), 'convnet-web-'));
    try {
      cpSync(WEB_ROOT, copy, { recursive: true });
      const assets = existsSync(join(copy, 'assets')) ? readdirSync(join(copy, 'assets')) : [];
      if (existsSync(join(copy, 'index.html')) && assets.some((f) => f.endsWith('.js'))) return copy;
    } catch {
      // out/web changed while copying: try again.
    }
    rmSync(copy, { recursive: true, force: true });
    await sleep(1000);
  }
  throw new Error('out/web stayed incomplete for a minute: run `npm run build:web` and try again.');
}

/** Starts the server on a free port and opens the app in a fresh Chromium profile; waits until the shell shows. */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: run \`apt-get install -y chromium\`.`);
  const webRoot = await snapshotWebRoot();
  const server = await startServer({ webRoot, handlers: options.handlers });
  const profile = mkdtempSync(join(tmpdir(), 'convnet-e2e-'));
  const cleanUp = () => {
    rmSync(profile, { recursive: true, force: true });
    rmSync(webRoot, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: options.locale ?? 'en-US',
      colorScheme: options.colorScheme ?? 'light',
    });
  } catch (error) {
    await server.close();
    cleanUp();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(server.url);
  await page.locator('.app-header').waitFor();
  return {
    page,
    context,
    server,
    url: server.url,
    errors,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      cleanUp();
    },
  };
}

/** Saves a full-window PNG to test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
