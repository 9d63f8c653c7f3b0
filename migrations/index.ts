import { Foundation1764403200000 } from './1764403200000-foundation.js';
import { Rules1764489600000 } from './1764489600000-rules.js';

/** Every migration, in order. Listed explicitly: globs don't work the same under ESM, ts-jest and dist/. */
export const migrations = [Foundation1764403200000, Rules1764489600000];
