import { decodeAccessToken, decodeTokenHeader, measureClockOffset, tokenTiming } from './jwt';
import { ALICE, type TestClaims, makeToken } from './test-helpers';

describe('decodeAccessToken', () => {
  it('reads the claims the app uses, and keeps the others for mapUser', () => {
    const token = makeToken(ALICE, Date.parse('2026-01-01T00:00:00Z'), 900, {
      realm_access: { roles: ['auditor'] },
    });
    expect(decodeAccessToken(token)).toEqual({
      sub: '1',
      exp: Date.parse('2026-01-01T00:15:00Z') / 1000,
      iat: Date.parse('2026-01-01T00:00:00Z') / 1000,
      email: ALICE.email,
      name: ALICE.name,
      roles: ['user'],
      jti: jasmine.any(String),
      realm_access: { roles: ['auditor'] },
    });
  });

  it('reads claims of the wrong type as missing rather than trusting them', () => {
    const wrong = { email: 42, roles: 'admin', iat: 'x' } as unknown as TestClaims;
    const token = makeToken(ALICE, Date.now(), 900, wrong);
    const claims = decodeAccessToken(token);
    expect(claims?.email).toBe('');
    expect(claims?.roles).toEqual([]);
    expect(claims?.iat).toBeUndefined();
  });

  it('rejects garbage, truncated, non-JWT and exp-less values', () => {
    const good = makeToken();
    const noExp = makeToken(ALICE, Date.now(), 900, { exp: undefined });
    const stringExp = makeToken(ALICE, Date.now(), 900, { exp: '9999999999' as unknown as number });
    const noSub = makeToken(ALICE, Date.now(), 900, { sub: '' });
    for (const value of [
      'garbage',
      '',
      good.slice(0, good.length / 2),
      'a.b.c',
      'e30.e30.sig',
      noExp,
      stringExp,
      noSub,
      null,
      42,
    ]) {
      expect(decodeAccessToken(value)).withContext(String(value)).toBeNull();
    }
  });

  it('tolerates missing optional claims', () => {
    const token = makeToken(ALICE, Date.now(), 900, {
      iat: undefined,
      email: undefined,
      name: undefined,
      roles: ['user', 7] as unknown as string[],
    });
    const claims = decodeAccessToken(token);
    expect(claims?.iat).toBeUndefined();
    expect(claims?.email).toBe('');
    expect(claims?.name).toBe('');
    expect(claims?.roles).toEqual(['user']);
    const noRoles = decodeAccessToken(makeToken(ALICE, Date.now(), 900, { roles: undefined }));
    expect(noRoles?.roles).toEqual([]);
  });
});

describe('decodeTokenHeader', () => {
  it('reads the JOSE header, or nothing from what is not a token', () => {
    expect(decodeTokenHeader(makeToken(ALICE))).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeTokenHeader('garbage')).toEqual({});
    expect(decodeTokenHeader('')).toEqual({});
  });
});

describe('measureClockOffset', () => {
  const received = Date.parse('2026-01-01T12:00:00Z');

  it('prefers the Date header', () => {
    const serverDate = new Date(received + 3 * 3600_000).toUTCString();
    expect(measureClockOffset(serverDate, received / 1000, received)).toBe(3 * 3600_000);
  });

  it('falls back to iat, then to no correction', () => {
    expect(measureClockOffset(null, received / 1000 - 7200, received)).toBe(-7200_000);
    expect(measureClockOffset('not a date', received / 1000 - 60, received)).toBe(-60_000);
    expect(measureClockOffset(null, undefined, received)).toBe(0);
  });
});

describe('tokenTiming', () => {
  const iat = Date.parse('2026-01-01T12:00:00Z') / 1000;
  const claims = { sub: '1', email: '', name: '', roles: [], iat, exp: iat + 900 };

  it('converts exp into the client clock', () => {
    const clientBehind = -3 * 3600_000;
    const timing = tokenTiming(claims, clientBehind, 10, 60);
    expect(timing.expiresAt).toBe((iat + 900) * 1000 + 3 * 3600_000);
    expect(timing.staleAt).toBe(timing.expiresAt - 10_000);
    expect(timing.refreshAt).toBe(timing.expiresAt - 60_000);
  });

  it('scales leeway and margin down for short-lived tokens', () => {
    const short = { ...claims, exp: iat + 20 };
    const timing = tokenTiming(short, 0, 10, 60);
    expect(timing.staleAt).toBe((iat + 20) * 1000 - 2_000);
    expect(timing.refreshAt).toBe((iat + 20) * 1000 - 5_000);
    expect(timing.refreshAt).toBeGreaterThan(iat * 1000);
  });

  it('uses the configured values when iat is unknown', () => {
    const timing = tokenTiming({ ...claims, iat: undefined }, 0, 10, 60);
    expect(timing.refreshAt).toBe((iat + 900) * 1000 - 60_000);
  });
});
