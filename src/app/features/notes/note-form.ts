import { DecimalPipe, formatNumber } from '@angular/common';
import { Component, inject, input } from '@angular/core';
import {
  type FieldTree,
  FormField,
  maxLengthError,
  requiredError,
  type SchemaFn,
  validate,
} from '@angular/forms/signals';
import {
  BODY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  isBlank,
  textLength,
} from '../../shared/forms/field-rules';
import { shownError } from '../../shared/forms/form-errors';
import { AuthService, type Drafts, UserDrafts } from '../../core/auth';
import type { NoteDraft } from './notes-api';

export const EMPTY_NOTE: NoteDraft = { title: '', body: '' };

/** A kept draft read back from storage: a note's fields when it has that shape, else null. */
export function asNoteDraft(value: unknown): NoteDraft | null {
  if (value === null || typeof value !== 'object') {
    return null;
  }
  const { title, body } = value as Record<string, unknown>;
  return typeof title === 'string' && typeof body === 'string' ? { title, body } : null;
}

export function sameNote(a: NoteDraft, b: NoteDraft): boolean {
  return a.title === b.title && a.body === b.body;
}

/**
 * The signed-in user's kept drafts (see docs/auth.md, "Inactivity"): what a page keeps there comes
 * back after an inactivity sign-out, for the same user only. Null when nobody is signed in.
 */
export function userDrafts(): Drafts | null {
  const user = inject(AuthService).user();
  return user ? inject(UserDrafts).forUser(user.id) : null;
}

/**
 * A note's rules, the API's own (CONTRACT §6), checked here first so people hear before a round trip;
 * the limits in the messages are written as numbers of `locale` (the page's LOCALE_ID).
 */
export function noteSchemaFor(locale: string): SchemaFn<NoteDraft> {
  const titleMax = formatNumber(TITLE_MAX_LENGTH, locale);
  const bodyMax = formatNumber(BODY_MAX_LENGTH, locale);
  return (note) => {
    validate(note.title, ({ value }) => {
      if (textLength(value()) > TITLE_MAX_LENGTH) {
        return maxLengthError(TITLE_MAX_LENGTH, {
          message: $localize`:@@note.titleTooLong:Keep the title to ${titleMax}:max: characters or fewer.`,
        });
      }
      return isBlank(value())
        ? requiredError({ message: $localize`:@@note.titleRequired:Enter a title.` })
        : undefined;
    });
    validate(note.body, ({ value }) =>
      textLength(value()) > BODY_MAX_LENGTH
        ? maxLengthError(BODY_MAX_LENGTH, {
            message: $localize`:@@note.bodyTooLong:Keep the body to ${bodyMax}:max: characters or fewer.`,
          })
        : undefined,
    );
  };
}

/** What is sent: the title without the spaces around it, the body as typed. */
export function noteDraft(note: FieldTree<NoteDraft>): NoteDraft {
  const { title, body } = note().value();
  return { title: title.trim(), body };
}

/** The Title and Body fields with their limits, counters and messages; the parent owns the <form>. */
@Component({
  selector: 'app-note-fields',
  imports: [DecimalPipe, FormField],
  template: `
    <div class="field">
      <label [for]="id('title')" i18n="@@note.title">Title</label>
      <input
        [id]="id('title')"
        type="text"
        autocomplete="off"
        [formField]="note().title"
        [attr.aria-invalid]="shownError(note().title) !== ''"
        [attr.aria-describedby]="describedBy('title')"
      />
      <p class="hint" [id]="id('title-count')" i18n="@@note.characterCount">
        {{ length(note().title().value()) | number }} of {{ titleMax | number }}
        characters
      </p>
      @if (shownError(note().title); as message) {
        <p class="field-error" [id]="id('title-error')">{{ message }}</p>
      }
    </div>
    <div class="field">
      <label [for]="id('body')" i18n="The note's text@@note.body">Body</label>
      <textarea
        [id]="id('body')"
        [formField]="note().body"
        [attr.aria-invalid]="shownError(note().body) !== ''"
        [attr.aria-describedby]="describedBy('body')"
      ></textarea>
      <p class="hint" [id]="id('body-count')" i18n="@@note.characterCount">
        {{ length(note().body().value()) | number }} of {{ bodyMax | number }}
        characters
      </p>
      @if (shownError(note().body); as message) {
        <p class="field-error" [id]="id('body-error')">{{ message }}</p>
      }
    </div>
  `,
})
export class NoteFields {
  readonly note = input.required<FieldTree<NoteDraft>>();
  readonly idPrefix = input.required<string>();

  protected readonly shownError = shownError;
  protected readonly length = textLength;
  protected readonly titleMax = TITLE_MAX_LENGTH;
  protected readonly bodyMax = BODY_MAX_LENGTH;

  protected id(name: string): string {
    return `${this.idPrefix()}-${name}`;
  }

  protected describedBy(field: 'title' | 'body'): string {
    const count = this.id(`${field}-count`);
    return shownError(this.note()[field]) ? `${this.id(`${field}-error`)} ${count}` : count;
  }
}
