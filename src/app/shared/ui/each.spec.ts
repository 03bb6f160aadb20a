import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Each } from './each';

interface Item {
  id: number;
  name: string;
}

const A: Item = { id: 1, name: 'A' };
const B: Item = { id: 2, name: 'B' };
const C: Item = { id: 3, name: 'C' };

@Component({
  imports: [Each],
  template: `
    <ul>
      <li *appEach="let item of items(); let i = index">{{ label(item, i) }}</li>
    </ul>
  `,
})
class List {
  readonly items = signal<readonly Item[]>([A, B, C]);

  // Takes an Item and a number, so the template only compiles if `let item` and `index` are typed.
  protected label(item: Item, index: number): string {
    return `${index + 1}. ${item.name}`;
  }
}

describe('Each', () => {
  let fixture: ComponentFixture<List>;

  beforeEach(async () => {
    fixture = TestBed.createComponent(List);
    await fixture.whenStable();
  });

  function rows(): HTMLLIElement[] {
    return [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')];
  }

  function texts(): string[] {
    return rows().map((row) => row.textContent!.trim());
  }

  async function show(items: readonly Item[]): Promise<void> {
    fixture.componentInstance.items.set(items);
    await fixture.whenStable();
  }

  it('renders the template once per item, in order, with the item and its index', () => {
    expect(texts()).toEqual(['1. A', '2. B', '3. C']);
  });

  it('types the context from the array: the guard narrows to the item type and an index', () => {
    const context: unknown = { $implicit: B, index: 1 };
    if (Each.ngTemplateContextGuard({} as Each<Item>, context)) {
      const item: Item = context.$implicit;
      const index: number = context.index;
      expect([item, index]).toEqual([B, 1]);
    } else {
      fail('the guard should accept the context');
    }
  });

  it('follows a new array: items added, removed and reordered', async () => {
    await show([A, B, C, { id: 4, name: 'D' }]);
    expect(texts()).toEqual(['1. A', '2. B', '3. C', '4. D']);

    await show([A, C]);
    expect(texts()).toEqual(['1. A', '2. C']);

    await show([C, B, A]);
    expect(texts()).toEqual(['1. C', '2. B', '3. A']);
  });

  it('renders nothing for an empty array, and renders again after it', async () => {
    await show([]);
    expect(rows()).toEqual([]);

    await show([B]);
    expect(texts()).toEqual(['1. B']);
  });

  it('keeps its DOM when the same array is set again, and re-creates it for a different one', async () => {
    const before = rows();
    const each = fixture.debugElement.queryAllNodes(By.directive(Each))[0].injector.get(Each);

    each.appEachOf = fixture.componentInstance.items();
    await fixture.whenStable();
    expect(rows().length).toBe(3);
    expect(rows().every((row, i) => row === before[i])).toBeTrue();

    // An equal but different array is a change: every view is created again (the documented cost).
    await show([...fixture.componentInstance.items()]);
    expect(texts()).toEqual(['1. A', '2. B', '3. C']);
    expect(rows().some((row, i) => row === before[i])).toBeFalse();
  });
});
