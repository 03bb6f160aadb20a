import { DatePipe, DecimalPipe } from '@angular/common';
import { Component, LOCALE_ID, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormField, FormRoot, form } from '@angular/forms/signals';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import {
  BehaviorSubject,
  catchError,
  combineLatest,
  firstValueFrom,
  map,
  of,
  switchMap,
  tap,
} from 'rxjs';
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
import { Note, NoteDraft, NotesApi, NotesQuery } from './notes-api';

const PAGE_SIZE = 10;
/** Where the half-typed new note is kept among the user's drafts. */
const NEW_NOTE_DRAFT = 'notes.new';

function queryFrom(params: ParamMap): NotesQuery {
  const page = Number(params.get('page'));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    limit: PAGE_SIZE,
    q: params.get('q')?.trim() ?? '',
  };
}

@Component({
  selector: 'app-notes-page',
  imports: [DatePipe, DecimalPipe, FormField, FormRoot, NoteFields, RouterLink],
  templateUrl: './notes-page.html',
  styleUrl: './notes-page.css',
})
export class NotesPage {
  private readonly api = inject(NotesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly locale = inject(LOCALE_ID);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  // Page and search live in the URL so Back, reload and shared links show the same list.
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(queryFrom)), {
    initialValue: queryFrom(this.route.snapshot.queryParamMap),
  });

  protected readonly notes = signal<Note[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');
  protected readonly pageCount = computed(() => Math.max(1, Math.ceil(this.total() / PAGE_SIZE)));
  private readonly search = signal({ q: this.query().q });
  protected readonly searchForm = form(this.search, {
    submission: { action: async ({ q }) => this.runSearch(q().value().trim()) },
  });

  // Kept while typing, so an inactivity sign-out (from any tab, even while this one sleeps) loses nothing.
  private readonly drafts = userDrafts();
  private readonly restored = asNoteDraft(this.drafts?.read(NEW_NOTE_DRAFT));
  private readonly draft = signal<NoteDraft>(this.restored ?? EMPTY_NOTE);
  protected readonly newNote = form(this.draft, noteSchemaFor(this.locale), {
    submission: {
      // Not optimistic on purpose: the note joins the list only once the server has accepted it. On an
      // error the form keeps what was typed (also while a re-login dialog is open).
      action: (note) => this.create(noteDraft(note)),
      onInvalid: (note) => focusFirstInvalid(note),
    },
  });
  protected readonly createError = signal('');
  /** Set by the detail page after a delete, through the navigation's state. */
  protected readonly notice = signal<string>(
    this.router.currentNavigation()?.extras.state?.['notice'] ??
      (this.restored
        ? $localize`:@@notes.draftRestored:The note you had not added yet is back in the form.`
        : ''),
  );

  constructor() {
    effect(() => {
      const draft = this.draft();
      this.drafts?.write(NEW_NOTE_DRAFT, sameNote(draft, EMPTY_NOTE) ? null : draft);
    });
    combineLatest([this.route.queryParamMap.pipe(map(queryFrom)), this.reload$])
      .pipe(
        tap(([query]) => {
          this.loading.set(true);
          this.search.set({ q: query.q });
        }),
        switchMap(([query]) =>
          this.api.list(query).pipe(
            map((result) => ({ query, result, error: '' })),
            catchError((error: unknown) =>
              of({ query, result: null, error: describeHttpError(error, this.locale) }),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ query, result, error }) => {
        this.loading.set(false);
        this.loadError.set(error);
        if (!result) {
          return;
        }
        const lastPage = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
        // A bookmarked or stale page number past the end (after deletes) goes to the last real page.
        if (query.page > lastPage) {
          void this.router.navigate([], {
            relativeTo: this.route,
            queryParams: { page: lastPage > 1 ? lastPage : null },
            queryParamsHandling: 'merge',
            replaceUrl: true,
          });
          return;
        }
        this.notes.set(result.notes);
        this.total.set(result.total);
      });
  }

  /** The query parameters of another page of the same list (page 1 has none). */
  protected pageParams(page: number): { page: number | null } {
    return { page: page > 1 ? page : null };
  }

  protected clearSearch(): void {
    this.runSearch('');
  }

  private runSearch(q: string): void {
    this.search.set({ q });
    if (q === this.query().q) {
      this.reload$.next();
      return;
    }
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { q: q || null, page: null },
    });
  }

  private async create(draft: NoteDraft): Promise<undefined> {
    this.createError.set('');
    this.notice.set('');
    try {
      const note = await firstValueFrom(this.api.create(draft));
      this.newNote().reset(EMPTY_NOTE);
      this.notice.set($localize`:@@notes.added:Added “${note.title}:title:”.`);
      this.showNewest();
    } catch (error) {
      this.createError.set(describeHttpError(error, this.locale));
    }
    return undefined;
  }

  /** The list is newest first: page 1 without a search is where a new note shows up. */
  private showNewest(): void {
    const { page, q } = this.query();
    if (page === 1 && !q) {
      this.reload$.next();
    } else {
      void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
    }
  }
}
