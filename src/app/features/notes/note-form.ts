import { CountPipe } from '../../shared/ui/formatting';
import { Component, computed, effect, input, signal } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { merge } from 'rxjs';
import { BODY_MAX_LENGTH, NoteDraft, TITLE_MAX_LENGTH } from './notes-api';

export type NoteForm = FormGroup<{ title: FormControl<string>; body: FormControl<string> }>;

// The API counts a title of spaces as a title, but nobody means one; refusing it here is stricter, never looser.
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { blank: true } : null;
}

export function noteForm(draft: NoteDraft = { title: '', body: '' }): NoteForm {
  return new FormGroup({
    title: new FormControl(draft.title, {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(TITLE_MAX_LENGTH)],
    }),
    body: new FormControl(draft.body, {
      nonNullable: true,
      validators: [Validators.maxLength(BODY_MAX_LENGTH)],
    }),
  });
}

export function draftOf(form: NoteForm): NoteDraft {
  const { title, body } = form.getRawValue();
  return { title: title.trim(), body };
}

/** The Title and Body fields with their limits, counters and messages; the parent owns the <form>. */
@Component({
  selector: 'app-note-fields',
  imports: [ReactiveFormsModule, CountPipe],
  template: `
    <ng-container [formGroup]="form()">
      <div class="field">
        <label [for]="id('title')">Title</label>
        <input
          [id]="id('title')"
          type="text"
          formControlName="title"
          autocomplete="off"
          [attr.aria-invalid]="titleError() !== ''"
          [attr.aria-describedby]="describedBy('title', titleError())"
        />
        <p class="hint" [id]="id('title-count')">
          {{ titleLength() | count }} of {{ titleMax | count }} characters
        </p>
        @if (titleError(); as message) {
          <p class="field-error" [id]="id('title-error')">{{ message }}</p>
        }
      </div>
      <div class="field">
        <label [for]="id('body')">Body</label>
        <textarea
          [id]="id('body')"
          formControlName="body"
          [attr.aria-invalid]="bodyError() !== ''"
          [attr.aria-describedby]="describedBy('body', bodyError())"
        ></textarea>
        <p class="hint" [id]="id('body-count')">
          {{ bodyLength() | count }} of {{ bodyMax | count }} characters
        </p>
        @if (bodyError(); as message) {
          <p class="field-error" [id]="id('body-error')">{{ message }}</p>
        }
      </div>
    </ng-container>
  `,
})
export class NoteFields {
  readonly form = input.required<NoteForm>();
  readonly idPrefix = input.required<string>();
  /** Set once the user tried to submit, so untouched required fields speak up too. */
  readonly submitted = input(false);

  protected readonly titleMax = TITLE_MAX_LENGTH;
  protected readonly bodyMax = BODY_MAX_LENGTH;

  // Components are OnPush: a reset or setValue by the parent would not repaint the counters and
  // messages, so every form event bumps a signal that they read.
  private readonly formChanges = signal(0);

  protected readonly titleLength = computed(() => this.watch().controls.title.value.length);
  protected readonly bodyLength = computed(() => this.watch().controls.body.value.length);

  protected readonly titleError = computed(() => {
    const title = this.watch().controls.title;
    if (title.hasError('maxlength')) {
      return `Keep the title to ${TITLE_MAX_LENGTH} characters or fewer.`;
    }
    if (title.invalid && (title.touched || this.submitted())) {
      return 'Enter a title.';
    }
    return '';
  });

  protected readonly bodyError = computed(() =>
    this.watch().controls.body.hasError('maxlength')
      ? `Keep the body to ${BODY_MAX_LENGTH.toLocaleString('en-US')} characters or fewer.`
      : '',
  );

  constructor() {
    effect((onCleanup) => {
      const { title, body } = this.form().controls;
      // A group only reports a child's touch when the group itself changes, so listen to each control.
      const subscription = merge(title.events, body.events).subscribe(() =>
        this.formChanges.update((n) => n + 1),
      );
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected id(name: string): string {
    return `${this.idPrefix()}-${name}`;
  }

  protected describedBy(field: 'title' | 'body', error: string): string {
    const count = this.id(`${field}-count`);
    return error ? `${this.id(`${field}-error`)} ${count}` : count;
  }

  private watch(): NoteForm {
    this.formChanges();
    return this.form();
  }
}
