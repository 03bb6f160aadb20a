/**
 * The field rules the API enforces too (CONTRACT §6, mock-api/email.js and mock-api/api.js), as
 * plain functions: the forms use them so people hear about a problem before a round trip, and
 * field-rules.agreement.test.mjs feeds the same cases to these and to the API's own rules.
 * Plain TypeScript with no imports, so Node can run it as it is.
 */

export const TITLE_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 10_000;

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** The API's email rule: RFC 5321 lengths, a dot-atom local part, two or more LDH labels. */
export function isEmail(value: string): boolean {
  if (value.length > 254) {
    return false;
  }
  const at = value.lastIndexOf('@');
  if (at < 1) {
    return false;
  }
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    local.split('.').every((atom) => LOCAL_PART.test(atom)) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label))
  );
}

/** Length as people count it: code points, so an emoji is one character, as the API counts. */
export function textLength(value: string): number {
  return [...value].length;
}

/**
 * Nothing anyone could read: only white space, control characters and characters that render as
 * nothing (zero-width spaces and joiners, soft hyphens, fillers, variation selectors, bidi marks).
 */
export function isBlank(value: string): boolean {
  return /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u.test(value);
}
