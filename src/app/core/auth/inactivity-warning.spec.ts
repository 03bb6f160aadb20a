import { TestBed } from '@angular/core/testing';
import { InactivityWarning, coarseSeconds } from './inactivity-warning';

describe('InactivityWarning', () => {
  function render(secondsLeft: number) {
    const fixture = TestBed.createComponent(InactivityWarning);
    fixture.componentRef.setInput('secondsLeft', secondsLeft);
    document.body.append(fixture.nativeElement);
    fixture.detectChanges();
    return fixture;
  }

  function button(root: HTMLElement, name: string): HTMLButtonElement {
    return [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
  }

  it('is a modal alert dialog with focus on Stay signed in and the time left in words', () => {
    const fixture = render(60);
    fixture.componentInstance.showModal();
    const dialog: HTMLDialogElement = fixture.nativeElement.querySelector('dialog');
    expect(dialog.open).toBeTrue();
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    const named = (attribute: string) =>
      dialog.querySelector(`[id="${dialog.getAttribute(attribute)}"]`)?.textContent;
    expect(named('aria-labelledby')).toBe('Are you still there?');
    expect(named('aria-describedby')).toContain('signed out in 1 minute.');
    expect(document.activeElement).toBe(button(fixture.nativeElement, 'Stay signed in'));
    fixture.componentInstance.close();
    expect(dialog.open).toBeFalse();
    fixture.destroy();
  });

  it('announces at coarse steps while the visible text counts every second', () => {
    const fixture = render(59);
    const live = () => fixture.nativeElement.querySelector('[aria-live="polite"]').textContent;
    const first = live();
    expect(first).toContain('1 minute left');
    for (const seconds of [58, 55, 51]) {
      fixture.componentRef.setInput('secondsLeft', seconds);
      fixture.detectChanges();
      expect(live()).withContext(`${seconds}`).toBe(first);
    }
    expect(fixture.nativeElement.textContent).toContain('51 seconds');
    fixture.componentRef.setInput('secondsLeft', 50);
    fixture.detectChanges();
    expect(live()).toContain('50 seconds left');
    fixture.destroy();
  });

  it('emits stay on its button and on Escape, signOut on Sign out', () => {
    const fixture = render(30);
    fixture.componentInstance.showModal();
    const stay = jasmine.createSpy('stay');
    const signOut = jasmine.createSpy('signOut');
    fixture.componentInstance.stay.subscribe(stay);
    fixture.componentInstance.signOut.subscribe(signOut);
    button(fixture.nativeElement, 'Stay signed in').click();
    const dialog: HTMLDialogElement = fixture.nativeElement.querySelector('dialog');
    const escape = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(escape);
    expect(escape.defaultPrevented).toBeTrue();
    expect(stay).toHaveBeenCalledTimes(2);
    button(fixture.nativeElement, 'Sign out').click();
    expect(signOut).toHaveBeenCalledTimes(1);
    fixture.destroy();
  });

  it('rounds the announced time up to coarse steps', () => {
    expect(coarseSeconds(125)).toBe(180);
    expect(coarseSeconds(60)).toBe(60);
    expect(coarseSeconds(41)).toBe(50);
    expect(coarseSeconds(0)).toBe(0);
  });
});
