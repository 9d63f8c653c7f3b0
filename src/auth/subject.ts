import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, ValidateBy } from 'class-validator';

/**
 * Characters a subject may not contain: controls, format characters (zero-width spaces and joiners,
 * bidirectional overrides), unassigned code points, private use, surrogates, and line or paragraph
 * separators — anything that makes two subjects look alike while comparing different.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u;

export const MAX_SUBJECT_LENGTH = 200;

/**
 * `<issuer>#<sub>`: a person signed in through the OpenID provider. Kept verbatim — `sub` is
 * case-sensitive, so `…#ada` and `…#ADA` are two people — and allowed to be longer.
 */
const IDP_IDENTITY = /^https?:\/\/[^\s#]+#\S+$/;
/** Meant as `<issuer>#<sub>` (an http(s) issuer, then `#`), however written: then it must be one exactly, never case-folded. */
const IDP_LIKE = /^\s*https?:\/\/[^#]*#/i;
const MAX_IDP_IDENTITY_LENGTH = 512;

/**
 * The one form of a person's identity on an API token: trimmed, runs of spaces as one space,
 * Unicode-normalised (NFKC) and case-folded. `Mallory`, ` mallory` and `ＭＡＬＬＯＲＹ` are one person;
 * segregation of duties compares these forms. An OpenID identity (`<issuer>#<sub>`, the issuer an
 * http(s) URL) is its own canonical form; something written like one but not exactly one (white
 * space, an upper-case scheme) has none, rather than being folded into another person. Every
 * request field naming a person (tokens, people, delegation, filters) goes through this. Returns
 * the reason when there is no valid form.
 */
export function canonicalSubject(raw: string): { subject: string } | { problem: string } {
  if (IDP_LIKE.test(raw) && !IDP_IDENTITY.test(raw)) {
    return { problem: 'is not an identity-provider identity (<issuer>#<sub>: an http:// or https:// issuer, no white space)' };
  }
  if (IDP_IDENTITY.test(raw)) {
    if (INVISIBLE.test(raw)) return { problem: 'contains invisible or control characters' };
    return raw.length > MAX_IDP_IDENTITY_LENGTH ? { problem: `is longer than ${MAX_IDP_IDENTITY_LENGTH} characters` } : { subject: raw };
  }
  if (INVISIBLE.test(raw.replace(/[\t\n\r]/g, ' '))) return { problem: 'contains invisible or control characters' };
  const spaced = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  // Upper then lower case folds ß to ss like full case folding; NFKC again settles what that produced.
  const subject = spaced.toUpperCase().toLowerCase().normalize('NFKC');
  if (!subject) return { problem: 'is empty' };
  if (INVISIBLE.test(subject)) return { problem: 'contains invisible or control characters' };
  if (subject.length > MAX_SUBJECT_LENGTH) return { problem: `is longer than ${MAX_SUBJECT_LENGTH} characters` };
  return { subject };
}

/** The canonical form, or the input unchanged when it has none (it then matches no valid subject). */
export function subjectKey(raw: string): string {
  const canonical = canonicalSubject(raw);
  return 'subject' in canonical ? canonical.subject : raw;
}

/**
 * A request field naming a subject: taken in its canonical form, refused (400 naming the field)
 * when it has none.
 */
export function SubjectField(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? subjectKey(value) : value)),
    IsString(),
    ValidateBy({
      name: 'isSubject',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && 'subject' in canonicalSubject(value),
        defaultMessage: (args) => {
          const value = args?.value;
          const reason = typeof value === 'string' ? canonicalSubject(value) : undefined;
          return `${args?.property} ${reason && 'problem' in reason ? reason.problem : 'must be a subject'}`;
        },
      },
    }),
  );
}
