import { REDACTED, redact } from './redact';

describe('redact', () => {
  it('drops every secret by its field name, at any depth, whatever its case or separators', () => {
    const channel = {
      id: 'ch1',
      token: 'PushToken1',
      encodingAesKey: 'K'.repeat(43),
      appSecret: 'AppSecret1',
      unionIdKey: 'UnionKey16bytes!',
      previous: { token: 'OldToken', mode: 'secure' },
      nested: [{ password: 'p4ssword!', password_hash: 'scrypt$…', API_KEY: 'sk-1', secret: 'whsec' }],
      name: 'Shop',
    };
    expect(redact(channel)).toEqual({
      id: 'ch1',
      token: REDACTED,
      encodingAesKey: REDACTED,
      appSecret: REDACTED,
      unionIdKey: REDACTED,
      previous: REDACTED,
      nested: [{ password: REDACTED, password_hash: REDACTED, API_KEY: REDACTED, secret: REDACTED }],
      name: 'Shop',
    });
  });

  it('drops a sealed value or a bearer secret by its shape, under any name', () => {
    const sealed = `v1.${'A'.repeat(40)}==`;
    expect(redact({ note: sealed, bearer: `kft_${'x'.repeat(40)}`, text: 'v1.2 of the menu' })).toEqual({
      note: REDACTED,
      bearer: REDACTED,
      text: 'v1.2 of the menu',
    });
  });

  it('keeps plain values as JSON and leaves undefined out', () => {
    expect(redact({ a: 1, b: undefined, c: [true, null], d: 'x' })).toEqual({ a: 1, c: [true, null], d: 'x' });
    expect(redact(undefined)).toBeUndefined();
  });
});
