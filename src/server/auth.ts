// Who may talk to the server: requests for our own host, from our own origin, carrying the per-launch token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;
export type LoopbackHost = (typeof LOOPBACK_HOSTS)[number];

export function isLoopbackHost(host: string): host is LoopbackHost {
  return (LOOPBACK_HOSTS as readonly string[]).includes(host);
}

/** A fresh secret for one launch: 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface Gate {
  /** "127.0.0.1:PORT", what the Host header must say (defeats DNS rebinding). */
  hostHeader: string;
  /** "http://127.0.0.1:PORT", the only Origin accepted. */
  origin: string;
  token: string;
  cookieName: string;
}

export function makeGate(host: LoopbackHost, port: number, token: string): Gate {
  const hostPart = host === '::1' ? '[::1]' : host;
  return {
    hostHeader: `${hostPart}:${port}`,
    origin: `http://${hostPart}:${port}`,
    token,
    // Cookies ignore ports: each launch names its own so two servers never overwrite each other's.
    cookieName: `convnet_studio_${port}`,
  };
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export type Verdict = { ok: true; tokenFromQuery: boolean } | { ok: false; reason: string };

/**
 * Checks Host, Origin and the token. `requireOrigin` is set for WebSocket upgrades, which browsers
 * always send an Origin with; plain page loads (navigations) come without one.
 */
export function checkRequest(req: IncomingMessage, url: URL, gate: Gate, requireOrigin: boolean): Verdict {
  if (req.headers.host !== gate.hostHeader) {
    return {
      ok: false,
      reason: `This server answers only at ${gate.origin}: open the address \`npm start\` printed.`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined ? origin !== gate.origin : requireOrigin) {
    return {
      ok: false,
      reason: 'Requests from other web pages are refused: open the address `npm start` printed.',
    };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return {
      ok: false,
      reason: 'Requests from other web pages are refused: open the address `npm start` printed.',
    };
  }
  const fromQuery = url.searchParams.get('token');
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const given = fromQuery ?? bearer ?? cookieValue(req, gate.cookieName);
  if (given === null || given === undefined || !sameSecret(given, gate.token)) {
    return {
      ok: false,
      reason:
        'This address needs the access token: open the full address `npm start` printed, including ?token=…',
    };
  }
  return { ok: true, tokenFromQuery: fromQuery !== null };
}

/** The cookie that lets the page's own requests (scripts, the WebSocket) through after the first load. */
export function tokenCookie(gate: Gate): string {
  return `${gate.cookieName}=${gate.token}; Path=/; HttpOnly; SameSite=Strict`;
}
