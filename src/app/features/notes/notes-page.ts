import { formatDateTime } from '../../shared/ui/formatting';
import { Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';
import { BehaviorSubject, catchError, combineLatest, map, of, switchMap, tap } from 'rxjs';
import { describeHttpError } from '../../shared/ui/http-error';
import { NoteFields, NoteForm } from './note-form';
import { Note, NotesApi, NotesQuery } from './notes-api';
import { AppLink } from '../../shared/ui/app-link';
import { Each } from '../../shared/ui/each';

const PAGE_SIZE = 10;

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
  imports: [AppLink, Each, NoteFields],
  templateUrl: './notes-page.html',
  styleUrl: './notes-page.css',
})
export class NotesPage {
  protected readonly dateTime = formatDateTime;
  private readonly api = inject(NotesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
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
  // One string, so it reads (and matches) as one sentence rather than several text nodes.
  protected readonly summary = computed(() => {
    const count = `${this.total()} ${this.total() === 1 ? 'note' : 'notes'}`;
    const q = this.query().q;
    return q ? `${count} matching “${q}”` : count;
  });

  protected readonly search = signal(this.query().q);

  protected readonly form = new NoteForm();
  protected readonly creating = signal(false);
  protected readonly createError = signal('');
  /** Set by the detail page after a delete, through the navigation's state. */
  protected readonly notice = signal<string>(
    this.router.currentNavigation()?.extras.state?.['notice'] ?? '',
  );

  constructor() {
    combineLatest([this.route.queryParamMap.pipe(map(queryFrom)), this.reload$])
      .pipe(
        tap(([query]) => {
          this.loading.set(true);
          this.search.set(query.q);
        }),
        switchMap(([query]) =>
          this.api.list(query).pipe(
            map((result) => ({ query, result, error: '' })),
            catchError((error: unknown) =>
              of({ query, result: null, error: describeHttpError(error) }),
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
          this.goToPage(lastPage, true);
          return;
        }
        this.notes.set(result.notes);
        this.total.set(result.total);
      });
  }

  protected goToPage(page: number, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { page: page > 1 ? page : null },
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }

  protected runSearch(event?: Event): void {
    // Otherwise the browser would submit the form as a full page load.
    event?.preventDefault();
    const q = this.search().trim();
    if (q === this.query().q) {
      this.reload$.next();
      return;
    }
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { q: q || null, page: null },
    });
  }

  protected clearSearch(): void {
    this.search.set('');
    this.runSearch();
  }

  protected create(event: Event): void {
    event.preventDefault();
    this.form.submitted.set(true);
    if (this.creating()) {
      return;
    }
    if (!this.form.valid()) {
      const firstInvalid = this.form.titleError() ? 'title' : 'body';
      document.getElementById(`new-note-${firstInvalid}`)?.focus();
      return;
    }
    this.creating.set(true);
    this.createError.set('');
    this.notice.set('');
    // Not optimistic on purpose: the note joins the list only once the server has accepted it. On an
    // error the form keeps what was typed (also while a re-login dialog is open).
    this.api.create(this.form.draft()).subscribe({
      next: (note) => {
        this.creating.set(false);
        this.form.reset();
        this.notice.set(`Added “${note.title}”.`);
        this.showNewest();
      },
      error: (error: unknown) => {
        this.creating.set(false);
        this.createError.set(describeHttpError(error));
      },
    });
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
