import { Directive, Input, TemplateRef, ViewContainerRef, inject } from '@angular/core';

/** What a `*appEach` template sees: the item (`let x`) and its position (`let i = index`). */
export interface EachContext<T> {
  $implicit: T;
  index: number;
}

/**
 * Renders its template once per item: `<li *appEach="let note of notes(); let i = index">`.
 *
 * Used instead of `@for`: the `@for` block's runtime (its repeater and view reconciliation) sits in
 * the same `@angular/core` file as code the shell needs, so one `@for` in any lazy page put 4.8 kB
 * raw / 1.15 kB brotli into the initial bundle; `NgFor` costs more still (its iterable differ).
 * This directive needs only ViewContainerRef, which the shell loads anyway for `<router-outlet>`.
 * See "Bundle size" in docs/development.md.
 *
 * The one limitation: when a different array is set, every view is destroyed and created again
 * rather than matched up by item, so DOM state inside an item (focus, a half-typed input, a
 * scroll position) is not kept. That is fine for our lists, where nothing inside an item is edited
 * in place. Setting the same array again changes nothing.
 */
@Directive({ selector: '[appEach]' })
export class Each<T> {
  private readonly template = inject<TemplateRef<EachContext<T>>>(TemplateRef);
  private readonly container = inject(ViewContainerRef);
  private items?: readonly T[];

  @Input({ required: true })
  set appEachOf(items: readonly T[]) {
    if (items === this.items) return;
    this.items = items;
    this.container.clear();
    items.forEach((item, index) => {
      this.container.createEmbeddedView(this.template, { $implicit: item, index });
    });
  }

  /**
   * Types `let x` and `let i = index` in templates from the array's element type. Only the
   * signature matters: the template type checker reads it, nothing calls it at runtime.
   */
  static ngTemplateContextGuard<T>(
    _directive: Each<T>,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- named for the type predicate
    context: unknown,
  ): context is EachContext<T> {
    return true;
  }
}
