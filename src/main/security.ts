// Electron's security policy as plain data and checks, kept apart from electron so tests can run them under Node.

/** The Content-Security-Policy of every page we load; also set as a response header by the session. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * True for the pages the app may load: its own files, or the dev server electron-vite started.
 * Everything else (remote sites, other local files' folders) is refused.
 */
export function isAppUrl(url: string, appRoot: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    if (parsed.origin === dev.origin) return true;
  }
  if (parsed.protocol !== 'file:') return false;
  const root = new URL(appRoot.endsWith('/') ? appRoot : `${appRoot}/`, 'file://').href;
  return parsed.href.startsWith(root);
}

/** Requests a page may make: app URLs, plus in-memory data and devtools. */
export function isAllowedRequest(url: string, appRoot: string, devServerUrl?: string): boolean {
  if (/^(data|blob|devtools|chrome-extension):/.test(url)) return true;
  if (devServerUrl && /^wss?:/.test(url)) {
    // Vite's hot-reload socket in development.
    const dev = new URL(devServerUrl);
    try {
      return new URL(url).host === dev.host;
    } catch {
      return false;
    }
  }
  return isAppUrl(url, appRoot, devServerUrl);
}
