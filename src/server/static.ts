// Serves the built renderer (out/web) read-only, with security headers; never a file outside its folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../main/security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers on every response: no framing, no sniffing, no token leaking through Referer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${text}\n`);
}

/** The file under `root` a URL path names, or null when it would step outside. */
export function resolveStatic(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(join(base, decoded === '/' ? 'index.html' : decoded));
  return file === base || file.startsWith(base + sep) ? file : null;
}

export async function serveStatic(
  root: string,
  pathname: string,
  method: string,
  res: ServerResponse,
  extraHeaders: Record<string, string>,
): Promise<void> {
  const file = resolveStatic(root, pathname);
  if (!file) return sendText(res, 404, 'Not found.');
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return sendText(res, 404, 'Not found.');
    size = info.size;
  } catch {
    if (pathname === '/' || pathname === '/index.html') {
      return sendText(
        res,
        503,
        'The browser UI is not built yet: run `npm run build:web`, then reload this page.',
      );
    }
    return sendText(res, 404, 'Not found.');
  }
  const ext = extname(file).toLowerCase();
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': String(size),
    // Built assets carry a content hash in their name; the page itself must always be fresh.
    'Cache-Control': ext === '.html' ? 'no-store' : 'private, max-age=31536000, immutable',
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
