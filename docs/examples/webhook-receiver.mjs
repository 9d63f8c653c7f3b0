// A webhook receiver for aimsflow, with nothing but Node.js (20+).
// Run: WEBHOOK_SECRET=whsec_... node docs/examples/webhook-receiver.mjs   (listens on :8080)
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const TOLERANCE_SECONDS = 5 * 60;

/**
 * Standard Webhooks verification: the signature is base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`))
 * with key = base64-decoded secret (without the `whsec_` prefix), sent as `v1,<signature>`
 * (several may be sent, space-separated, while a secret is rotated). Use the raw body, unparsed.
 */
export function verifyWebhook(secret, headers, rawBody, now = Date.now()) {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  const signatures = String(headers['webhook-signature'] ?? '').split(' ');
  if (!id || !Number.isFinite(timestamp)) return false;
  if (Math.abs(now / 1000 - timestamp) > TOLERANCE_SECONDS) return false; // replayed or delayed too long
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from('v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest('base64'));
  return signatures.some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) throw new Error('set WEBHOOK_SECRET to the secret shown when the subscription was created');
  const seen = new Set(); // deliveries are at-least-once: the same webhook-id may come again
  http
    .createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (!verifyWebhook(secret, req.headers, body)) return res.writeHead(401).end();
        const event = JSON.parse(body);
        if (!seen.has(event.id)) {
          seen.add(event.id);
          console.log(`${event.time} ${event.type} ${event.subject.type}/${event.subject.id}`, event.data);
        }
        res.writeHead(204).end(); // any 2xx acknowledges; anything else (or no answer) is retried
      });
    })
    .listen(Number(process.env.PORT ?? 8080));
}
