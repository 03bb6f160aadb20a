'use strict';

// A practical email check (RFC 5321 lengths, dot-atom local part, LDH domain labels) written so
// that it runs in time linear in the input: each pattern is a single character class or has
// bounded repetition, so no input can make the regex engine backtrack.

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function isEmail(value) {
  if (typeof value !== 'string' || value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64) return false;
  if (!local.split('.').every((atom) => LOCAL_PART.test(atom))) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label));
}

module.exports = { isEmail };
