import { Routes } from '@angular/router';
import { NoteDetailPage } from './note-detail-page';
import { NotesPage } from './notes-page';

export default [
  { path: '', title: $localize`:@@title.notes:Notes · Tokengate`, component: NotesPage },
  {
    path: ':id',
    title: $localize`:@@title.noteLoading:Note · Tokengate`,
    component: NoteDetailPage,
  },
] satisfies Routes;
