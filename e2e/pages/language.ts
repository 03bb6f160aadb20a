/**
 * The languages the app is built in and the words the page objects find elements by. The Spanish
 * labels are fixed by CONTRACT §8; English is the source (§7).
 */
export type Language = 'en' | 'es';

export const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    title: 'Title',
    body: 'Body',
    addNote: 'Add note',
    save: 'Save',
    delete: 'Delete',
    confirmDelete: /^(yes|confirm)/i,
    cancel: 'Cancel',
    yourNotes: 'Your notes',
    searchNotes: 'Search notes',
    search: 'Search',
    stillThere: 'Are you still there?',
    staySignedIn: 'Stay signed in',
    /** The header's link to the same page in this language, named in this language. */
    languageName: 'English',
  },
  es: {
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    signOut: 'Cerrar sesión',
    title: 'Título',
    body: 'Texto',
    addNote: 'Añadir nota',
    save: 'Guardar',
    delete: 'Eliminar',
    confirmDelete: /^sí/i,
    cancel: 'Cancelar',
    yourNotes: 'Tus notas',
    searchNotes: 'Buscar notas',
    search: 'Buscar',
    stillThere: '¿Sigues ahí?',
    staySignedIn: 'Mantener la sesión',
    languageName: 'Español',
  },
} as const satisfies Record<Language, Record<string, string | RegExp>>;

/** An app path in a language's build: English at `/`, Spanish under `/es/`. */
export function inLanguage(language: Language, path: string): string {
  return language === 'en' ? path : `/${language}${path}`;
}
