import { TestBed } from '@angular/core/testing';
import { ALICE, BOB, FakeStorageArea } from './test-helpers';
import { AUTH_STORAGE_AREA } from './token-storage';
import { UserDrafts } from './user-drafts';

describe('UserDrafts', () => {
  let area: FakeStorageArea;
  let drafts: UserDrafts;

  beforeEach(() => {
    area = new FakeStorageArea();
    TestBed.configureTestingModule({ providers: [{ provide: AUTH_STORAGE_AREA, useValue: area }] });
    drafts = TestBed.inject(UserDrafts);
  });

  it('keeps drafts per user: another user does not get them', () => {
    drafts.forUser(ALICE.id).write('notes.new', { title: 'Alice’s', body: '' });
    expect(drafts.forUser(ALICE.id).read('notes.new')).toEqual({ title: 'Alice’s', body: '' });
    expect(drafts.forUser(BOB.id).read('notes.new')).toBeNull();
  });

  it('removes a draft written as null, and the entry with the last one', () => {
    const alice = drafts.forUser(ALICE.id);
    alice.write('notes.new', { title: 'a', body: '' });
    alice.write('notes.7', { title: 'b', body: '' });
    alice.write('notes.new', null);
    expect(alice.read('notes.new')).toBeNull();
    expect(alice.read('notes.7')).toEqual({ title: 'b', body: '' });
    alice.write('notes.7', null);
    expect(area.values.size).toBe(0);
  });

  it('clear() drops one user’s drafts only', () => {
    drafts.forUser(ALICE.id).write('notes.new', 'a');
    drafts.forUser(BOB.id).write('notes.new', 'b');
    drafts.clear(ALICE.id);
    expect(drafts.forUser(ALICE.id).read('notes.new')).toBeNull();
    expect(drafts.forUser(BOB.id).read('notes.new')).toBe('b');
  });

  it('reads unreadable or refused storage as no drafts, without throwing', () => {
    area.setItem(`tokengate.drafts.${ALICE.id}`, '{not json');
    expect(drafts.forUser(ALICE.id).read('notes.new')).toBeNull();
    spyOn(area, 'setItem').and.throwError('QuotaExceededError');
    expect(() => drafts.forUser(ALICE.id).write('notes.new', 'x')).not.toThrow();
  });
});
