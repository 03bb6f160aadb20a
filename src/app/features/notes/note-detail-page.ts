import { formatDateTime } from '../../shared/ui/formatting';
import { ChangeDetectorRef, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router } from '@angular/router';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { describeHttpError } from '../../shared/ui/http-error';
import { NoteFields, NoteForm } from './note-form';
import { Note, NotesApi } from './notes-api';
import { AppLink } from '../../shared/ui/app-link';

const NOT_FOUND = "This note doesn't exist, or it has been deleted.";

@Component({
  selector: 'app-note-detail-page',
  imports: [AppLink, NoteFields],
  templateUrl: './note-detail-page.html',
  styleUrl: './note-detail-page.css',
})
export class NoteDetailPage {
  protected readonly dateTime = formatDateTime;
  private readonly api = inject(NotesApi);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly changeDetector = inject(ChangeDetectorRef);

  protected readonly note = signal<Note | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');

  protected readonly form = new NoteForm();
  protected readonly saving = signal(false);
  protected readonly saveError = signal('');
  protected readonly notice = signal('');

  protected readonly confirming = signal(false);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal('');

  constructor() {
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
                  of({ note: null, error: describeHttpError(error, { notFound: NOT_FOUND }) }),
                ),
              )
            : of({ note: null, error: NOT_FOUND }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ note, error }) => {
        this.loading.set(false);
        this.loadError.set(error);
        this.show(note);
      });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const note = this.note();
    this.form.submitted.set(true);
    if (!note || this.saving()) {
      return;
    }
    if (!this.form.valid()) {
      const firstInvalid = this.form.titleError() ? 'title' : 'body';
      document.getElementById(`note-${firstInvalid}`)?.focus();
      return;
    }
    this.saving.set(true);
    this.saveError.set('');
    this.notice.set('');
    // The form shows the server's answer only once it accepted the change; on an error what was typed stays.
    this.api.update(note.id, this.form.draft()).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.show(saved);
        this.notice.set('Saved.');
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(describeHttpError(error, { notFound: NOT_FOUND }));
      },
    });
  }

  protected askToDelete(): void {
    this.deleteError.set('');
    this.confirming.set(true);
    // Focus the safe choice, so a stray Enter does not delete.
    this.focusAfterRender('note-delete-cancel');
  }

  protected cancelDelete(): void {
    this.confirming.set(false);
    this.focusAfterRender('note-delete');
  }

  // Renders now and looks the button up by id: afterNextRender and viewChild would put 2.5 kB and
  // 7 kB raw into the initial bundle (docs/development.md, "Bundle size").
  private focusAfterRender(id: string): void {
    this.changeDetector.detectChanges();
    document.getElementById(id)?.focus();
  }

  protected confirmDelete(): void {
    const note = this.note();
    if (!note || this.deleting()) {
      return;
    }
    this.deleting.set(true);
    this.api.remove(note.id).subscribe({
      next: () => {
        void this.router.navigate(['/notes'], { state: { notice: `Deleted “${note.title}”.` } });
      },
      error: (error: unknown) => {
        this.deleting.set(false);
        this.confirming.set(false);
        this.deleteError.set(describeHttpError(error, { notFound: NOT_FOUND }));
      },
    });
  }

  private show(note: Note | null): void {
    this.note.set(note);
    if (note) {
      this.form.reset(note);
      this.title.setTitle(`${note.title} · Tokengate`);
    }
  }
}
