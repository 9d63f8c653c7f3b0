import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles.js';
import type { AiSystemRecord } from './ai-systems.service.js';

export type AttributeChangeHook = (
  m: EntityManager,
  before: Pick<AiSystemRecord, 'intendedPurpose' | 'attributes'>,
  after: AiSystemRecord,
  actor: Actor,
) => Promise<void>;

/**
 * Lets modules that build on AI systems (reassessment) react to a changed system inside the
 * change's transaction, without the register depending on them.
 */
@Injectable()
export class AiSystemChangeHooks {
  private readonly hooks: AttributeChangeHook[] = [];

  onAttributesChanged(hook: AttributeChangeHook): void {
    this.hooks.push(hook);
  }

  async attributesChanged(
    m: EntityManager,
    before: Pick<AiSystemRecord, 'intendedPurpose' | 'attributes'>,
    after: AiSystemRecord,
    actor: Actor,
  ): Promise<void> {
    for (const hook of this.hooks) await hook(m, before, after, actor);
  }
}
