import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A response body streamed on Node's own response (evidence downloads, generated documents). */
export interface StreamedContent {
  status: number;
  headers: OutgoingHttpHeaders;
  stream: Readable;
}

/** Fastify's reply, as far as a route answering on the raw response needs it. */
interface FastifyReplyLike {
  raw: ServerResponse;
  hijack(): void;
  getHeaders(): OutgoingHttpHeaders;
}

/**
 * Writes a download on Node's own response, on either adapter: Express's response is one; on
 * Fastify the route takes the raw response over (keeping the headers already set on the reply, the
 * request id among them). Headers set earlier by middleware (security headers) stay.
 */
export async function sendContent(res: unknown, content: StreamedContent): Promise<void> {
  const fastify = typeof (res as Partial<FastifyReplyLike>).hijack === 'function' ? (res as FastifyReplyLike) : undefined;
  const raw = fastify?.raw ?? (res as ServerResponse);
  fastify?.hijack();
  raw.writeHead(content.status, { ...(fastify?.getHeaders() ?? {}), ...content.headers });
  // A chunk that cannot be read (or a document that fails half-way) once the headers are out: the client sees a cut response (Content-Length tells it so).
  await pipeline(content.stream, raw).catch(() => raw.destroy());
}
