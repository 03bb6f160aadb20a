'use strict';

// The rules for a note's fields, written once for the API and any client that wants to check the
// same way before sending (CONTRACT §6). Plain CommonJS using nothing but the language itself, so
// that a browser bundle can import it as it is.

const TITLE_MAX = 200;
const BODY_MAX = 10000;

// Characters as people count them (code points), not UTF-16 units: an emoji is one.
function characterCount(text) {
  return [...text].length;
}

const titleLength = characterCount;

// White space, control characters and the characters that render as nothing (zero-width spaces
// and joiners, soft hyphens, fillers, variation selectors, bidi marks): a title made only of
// these looks empty, so it is refused like an empty one.
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u;

function isBlankTitle(text) {
  return INVISIBLE_ONLY.test(text);
}

// A sentence saying what is wrong with a title, or null when it is fine.
function noteTitleProblem(title) {
  if (typeof title !== 'string' || isBlankTitle(title) || titleLength(title) > TITLE_MAX) {
    return `title must be text of 1 to ${TITLE_MAX} characters, not only spaces or invisible characters`;
  }
  return null;
}

function noteBodyProblem(body) {
  if (typeof body !== 'string' || characterCount(body) > BODY_MAX) {
    return `body must be text of at most ${BODY_MAX} characters`;
  }
  return null;
}

module.exports = {
  TITLE_MAX,
  BODY_MAX,
  titleLength,
  isBlankTitle,
  noteTitleProblem,
  noteBodyProblem,
};
