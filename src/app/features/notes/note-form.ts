import { Component, computed, input, signal } from '@angular/core';
import { formatCount } from '../../shared/ui/formatting';
import { BODY_MAX_LENGTH, NoteDraft, TITLE_MAX_LENGTH } from './notes-api';

const EMPTY: NoteDraft = { title: '', body: '' };

/**
 * A note being written: the Title and Body with the API's limits (CONTRACT §6), checked here first so
 * people hear about them before a round trip. Plain signals: two fields do not need @angular/forms.
 */
export class NoteForm {
  readonly title = signal('');
  readonly body = signal('');
  readonly titleTouched = signal(false);
  /** Set once the user tried to submit, so an untouched empty title speaks up too. */
  readonly submitted = signal(false);

  readonly titleError = computed(() => {
    const title = this.title();
    if (title.length > TITLE_MAX_LENGTH) {
      return `Keep the title to ${TITLE_MAX_LENGTH} characters or fewer.`;
    }
    // The API counts a title of spaces as a title, but nobody means one; refusing it is stricter, never looser.
    if (title.trim() === '' && (this.titleTouched() || this.submitted())) {
      return 'Enter a title.';
    }
    return '';
  });

  readonly bodyError = computed(() =>
    this.body().length > BODY_MAX_LENGTH
      ? `Keep the body to ${BODY_MAX_LENGTH.toLocaleString('en-US')} characters or fewer.`
      : '',
  );

  readonly valid = computed(() => {
    const title = this.title();
    return (
      title.trim() !== '' &&
      title.length <= TITLE_MAX_LENGTH &&
      this.body().length <= BODY_MAX_LENGTH
    );
  });

  constructor(draft: NoteDraft = EMPTY) {
    this.reset(draft);
  }

  reset(draft: NoteDraft = EMPTY): void {
    this.title.set(draft.title);
    this.body.set(draft.body);
    this.titleTouched.set(false);
    this.submitted.set(false);
  }

  draft(): NoteDraft {
    return { title: this.title().trim(), body: this.body() };
  }
}

/** The Title and Body fields with their limits, counters and messages; the parent owns the <form>. */
@Component({
  selector: 'app-note-fields',
  template: `
    <div class="field">
      <label [for]="id('title')">Title</label>
      <input
        #titleInput
        [id]="id('title')"
        type="text"
        name="title"
        autocomplete="off"
        [value]="form().title()"
        (input)="form().title.set(titleInput.value)"
        (blur)="form().titleTouched.set(true)"
        [attr.aria-invalid]="form().titleError() !== ''"
        [attr.aria-describedby]="describedBy('title', form().titleError())"
      />
      <p class="hint" [id]="id('title-count')">
        {{ count(form().title().length) }} of {{ count(titleMax) }} characters
      </p>
      @if (form().titleError(); as message) {
        <p class="field-error" [id]="id('title-error')">{{ message }}</p>
      }
    </div>
    <div class="field">
      <label [for]="id('body')">Body</label>
      <textarea
        #bodyInput
        [id]="id('body')"
        name="body"
        [value]="form().body()"
        (input)="form().body.set(bodyInput.value)"
        [attr.aria-invalid]="form().bodyError() !== ''"
        [attr.aria-describedby]="describedBy('body', form().bodyError())"
      ></textarea>
      <p class="hint" [id]="id('body-count')">
        {{ count(form().body().length) }} of {{ count(bodyMax) }} characters
      </p>
      @if (form().bodyError(); as message) {
        <p class="field-error" [id]="id('body-error')">{{ message }}</p>
      }
    </div>
  `,
})
export class NoteFields {
  protected readonly count = formatCount;
  readonly form = input.required<NoteForm>();
  readonly idPrefix = input.required<string>();

  protected readonly titleMax = TITLE_MAX_LENGTH;
  protected readonly bodyMax = BODY_MAX_LENGTH;

  protected id(name: string): string {
    return `${this.idPrefix()}-${name}`;
  }

  protected describedBy(field: 'title' | 'body', error: string): string {
    const count = this.id(`${field}-count`);
    return error ? `${this.id(`${field}-error`)} ${count}` : count;
  }
}
