import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

export interface Note {
  id: number;
  ownerId: number;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface NoteDraft {
  title: string;
  body: string;
}

export interface NotesQuery {
  page: number;
  limit: number;
  q: string;
}

export interface NotesPageResult {
  notes: Note[];
  total: number;
}

@Injectable({ providedIn: 'root' })
export class NotesApi {
  private readonly http = inject(HttpClient);

  list({ page, limit, q }: NotesQuery): Observable<NotesPageResult> {
    let params = new HttpParams()
      .set('_page', page)
      .set('_limit', limit)
      .set('_sort', 'updatedAt')
      .set('_order', 'desc');
    if (q) {
      params = params.set('q', q);
    }
    return this.http.get<Note[]>('/api/notes', { params, observe: 'response' }).pipe(
      map((response) => {
        const notes = response.body ?? [];
        const header = response.headers.get('X-Total-Count');
        const total = header === null ? Number.NaN : Number(header);
        return { notes, total: Number.isInteger(total) && total >= 0 ? total : notes.length };
      }),
    );
  }

  get(id: number): Observable<Note> {
    return this.http.get<Note>(`/api/notes/${id}`);
  }

  create(draft: NoteDraft): Observable<Note> {
    return this.http.post<Note>('/api/notes', draft);
  }

  update(id: number, draft: NoteDraft): Observable<Note> {
    return this.http.patch<Note>(`/api/notes/${id}`, draft);
  }

  remove(id: number): Observable<void> {
    return this.http.delete<void>(`/api/notes/${id}`);
  }
}
