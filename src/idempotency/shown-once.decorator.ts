import { applyDecorators, SetMetadata } from '@nestjs/common';

export const SHOWN_ONCE_METADATA = 'aimsflow:shown-once';

/**
 * Marks response fields that carry a secret shown only in the first response. An `Idempotency-Key`
 * replay answers without them and with `secretShownOnce: true`; the idempotency store never holds them.
 */
export const ShownOnce = (...fields: string[]): MethodDecorator => applyDecorators(SetMetadata(SHOWN_ONCE_METADATA, fields));

/** The response as stored for replays: the shown-once fields removed, and said so. */
export function withoutSecrets(body: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields?.length || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const kept: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of fields) delete kept[field];
  return { ...kept, secretShownOnce: true };
}
