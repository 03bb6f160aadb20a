import type { FieldTree } from '@angular/forms/signals';

/**
 * The message a field shows: its first error, once the user has left the field or tried to
 * submit (submit() marks every field touched); '' while there is nothing to say. Templates show
 * it in an element whose id the control names in aria-describedby.
 */
export function shownError(field: FieldTree<unknown>): string {
  const state = field();
  return state.touched() ? (state.errors()[0]?.message ?? '') : '';
}

/** After a refused submit: the keyboard goes to the first field that needs fixing. */
export function focusFirstInvalid(form: FieldTree<unknown>): void {
  form().errorSummary()[0]?.fieldTree().focusBoundControl();
}
