import { DatePipe } from '@angular/common';
import {
  Component,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  Injector,
  LOCALE_ID,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormRoot, form } from '@angular/forms/signals';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { catchError, firstValueFrom, map, of, switchMap, tap } from 'rxjs';
import { focusFirstInvalid } from '../../shared/forms/form-errors';
import { describeHttpError } from '../../shared/ui/http-error';
import {
  EMPTY_NOTE,
  NoteFields,
  asNoteDraft,
  noteDraft,
  noteSchemaFor,
  sameNote,
  userDrafts,
} from './note-form';
import { Note, NoteDraft, NotesApi } from './notes-api';

function draftKey(id: number): string {
  return `notes.${id}`;
}

@Component({
  selector: 'app-note-detail-page',
  imports: [DatePipe, FormRoot, NoteFields, RouterLink],
  templateUrl: './note-detail-page.html',
  styleUrl: './note-detail-page.css',
})
export class NoteDetailPage {
  private readonly api = inject(NotesApi);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly injector = inject(Injector);
  private readonly locale = inject(LOCALE_ID);
  private readonly notFound = $localize`:@@note.notFound:This note doesn't exist, or it has been deleted.`;
  private readonly deleteButton = viewChild<ElementRef<HTMLButtonElement>>('deleteButton');
  private readonly cancelDeleteButton =
    viewChild<ElementRef<HTMLButtonElement>>('cancelDeleteButton');

  protected readonly note = signal<Note | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');

  // Unsaved changes are kept while typing, so an inactivity sign-out loses nothing (docs/auth.md).
  private readonly drafts = userDrafts();
  private readonly draft = signal<NoteDraft>(EMPTY_NOTE);
  protected readonly editForm = form(this.draft, noteSchemaFor(this.locale), {
    submission: {
      // The form shows the server's answer only once it accepted the change; on an error what was typed stays.
      action: (note) => this.save(noteDraft(note)),
      onInvalid: (note) => focusFirstInvalid(note),
    },
  });
  protected readonly saveError = signal('');
  protected readonly notice = signal('');

  protected readonly confirming = signal(false);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal('');

  constructor() {
    effect(() => {
      const note = this.note();
      const draft = this.draft();
      if (note) {
        this.drafts?.write(draftKey(note.id), sameNote(draft, note) ? null : draft);
      }
    });
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => Number(params.get('id'))),
        tap(() => {
          this.loading.set(true);
          this.loadError.set('');
        }),
        switchMap((id) =>
          // Ids are positive integers; anything else cannot exist, so don't ask the server.
          Number.isInteger(id) && id > 0
            ? this.api.get(id).pipe(
                map((note) => ({ note, error: '' })),
                catchError((error: unknown) =>
                  of({
                    note: null,
                    error: describeHttpError(error, this.locale, { notFound: this.notFound }),
                  }),
                ),
              )
            : of({ note: null, error: this.notFound }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ note, error }) => {
        this.loading.set(false);
        this.loadError.set(error);
        this.show(note);
        this.restoreDraft(note);
      });
  }

  protected askToDelete(): void {
    this.deleteError.set('');
    this.confirming.set(true);
    // Focus the safe choice, so a stray Enter does not delete.
    this.focusAfterRender(this.cancelDeleteButton);
  }

  protected cancelDelete(): void {
    this.confirming.set(false);
    this.focusAfterRender(this.deleteButton);
  }

  protected confirmDelete(): void {
    const note = this.note();
    if (!note || this.deleting()) {
      return;
    }
    this.deleting.set(true);
    this.api.remove(note.id).subscribe({
      next: () => {
        this.drafts?.write(draftKey(note.id), null);
        void this.router.navigate(['/notes'], {
          state: { notice: $localize`:@@note.deleted:Deleted “${note.title}:title:”.` },
        });
      },
      error: (error: unknown) => {
        this.deleting.set(false);
        this.confirming.set(false);
        this.deleteError.set(describeHttpError(error, this.locale, { notFound: this.notFound }));
      },
    });
  }

  private focusAfterRender(button: () => ElementRef<HTMLButtonElement> | undefined): void {
    afterNextRender(() => button()?.nativeElement.focus(), { injector: this.injector });
  }

  private async save(draft: NoteDraft): Promise<undefined> {
    const note = this.note();
    if (!note) {
      return undefined;
    }
    this.saveError.set('');
    this.notice.set('');
    try {
      this.show(await firstValueFrom(this.api.update(note.id, draft)));
      this.notice.set($localize`:@@note.saved:Saved.`);
    } catch (error) {
      this.saveError.set(describeHttpError(error, this.locale, { notFound: this.notFound }));
    }
    return undefined;
  }

  /** Changes kept from before a sign-out go back into the form (show() put the saved note there). */
  private restoreDraft(note: Note | null): void {
    const kept = note && asNoteDraft(this.drafts?.read(draftKey(note.id)));
    if (kept && !sameNote(kept, note)) {
      this.draft.set(kept);
      this.notice.set($localize`:@@note.draftRestored:Your unsaved changes are back in the form.`);
    }
  }

  private show(note: Note | null): void {
    this.note.set(note);
    if (note) {
      this.editForm().reset({ title: note.title, body: note.body });
      this.title.setTitle($localize`:@@title.note:${note.title}:title: · Tokengate`);
    }
  }
}
