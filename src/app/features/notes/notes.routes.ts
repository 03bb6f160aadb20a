import { Routes } from '@angular/router';
import { NoteDetailPage } from './note-detail-page';
import { NotesPage } from './notes-page';

export default [
  { path: '', title: 'Notes · Tokengate', component: NotesPage },
  { path: ':id', title: 'Note · Tokengate', component: NoteDetailPage },
] satisfies Routes;
