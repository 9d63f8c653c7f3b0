import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** Where index.html carries the per-response nonce (`<meta name="csp-nonce">`, read by React Aria). */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The console's policy: scripts, styles, fonts, images and requests only from this origin; no
 * inline script; the only inline styles are the <style> elements the component library injects
 * with this response's nonce (React and the library otherwise set styles through the CSSOM, which
 * a policy does not govern); nothing may frame it. Stricter than helmet's default, which the API
 * and /docs keep (Swagger UI needs its inline styles).
 */
export function consoleCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Paths the service answers itself; everything else a browser navigates to is a console route. */
const SERVICE_PATHS = /^\/(api|docs|health)(\/|-json|$)/;

type Next = (error?: unknown) => void;

/**
 * Serves the built console (`dist/console`) at `/`, as plain Node middleware so it works the same
 * on Express and Fastify. Hashed assets are immutable; a navigation to any other non-API path gets
 * index.html (the console routes in the browser). A request that is neither (a missing asset, an
 * API client asking for JSON) falls through to the service's problem+json 404.
 */
export function serveConsole(dir: string) {
  const root = path.resolve(dir);
  const indexFile = path.join(root, 'index.html');
  const built = existsSync(indexFile);
  const index = built ? readFileSync(indexFile, 'utf8') : '';

  function send(res: ServerResponse, file: string, head: boolean, immutable: boolean): void {
    res.statusCode = 200;
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', consoleCsp(nonce));
    if (file === indexFile) {
      const page = Buffer.from(index.replaceAll(NONCE_PLACEHOLDER, nonce));
      res.setHeader('Content-Length', page.length);
      res.end(head ? undefined : page);
      return;
    }
    res.setHeader('Content-Length', statSync(file).size);
    if (head) res.end();
    else createReadStream(file).pipe(res);
  }

  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (!built || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://console').pathname);
    } catch {
      return next();
    }
    if (SERVICE_PATHS.test(pathname) || pathname.includes('\0')) return next();
    const head = req.method === 'HEAD';
    const file = path.join(root, path.normalize(pathname));
    if (file.startsWith(root + path.sep) && file !== indexFile && existsSync(file) && statSync(file).isFile()) {
      return send(res, file, head, pathname.startsWith('/assets/'));
    }
    // A browser navigating (it accepts HTML) to a console route; not a missing file with an extension.
    if (!path.extname(pathname) && (req.headers.accept ?? '').includes('text/html')) return send(res, indexFile, head, false);
    next();
  };
}
