import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadChannelsFile, loadConfigFile } from './channels-file';

const good = {
  id: 'shop',
  kind: 'miniprogram',
  appId: 'wx1234567890ab',
  appSecret: 'AppSecret0001',
  originalId: 'gh_abc123',
  token: 'Token01',
  encodingAesKey: 'K'.repeat(43),
  mode: 'secure',
  format: 'json',
  unionIdKey: 'UnionKey16bytes!',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'channels-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function load(channels: unknown[]) {
  const file = join(dir, 'channels.json');
  writeFileSync(file, JSON.stringify({ channels }));
  return () => loadChannelsFile(file);
}

describe('loadChannelsFile', () => {
  it('takes what the API takes; the name defaults to the id and the token source to stable_token', () => {
    expect(load([good])()).toEqual([{ ...good, name: 'shop', tokenSource: 'stable' }]);
  });

  it('takes the replay window and the grace period of a change, with the API’s limits', () => {
    const timed = { ...good, replayWindowSeconds: 120, graceSeconds: 600 };
    expect(load([timed])()).toEqual([{ ...timed, name: 'shop', tokenSource: 'stable' }]);
    expect(load([{ ...good, replayWindowSeconds: 1 }])).toThrow(/replayWindowSeconds/);
    expect(load([{ ...good, graceSeconds: -1 }])).toThrow(/graceSeconds/);
  });

  it("applies the API's rules, naming fields and never values", () => {
    expect(load([{ ...good, unionIdKey: 'short-key' }])).toThrow(/unionIdKey/);
    expect(load([{ ...good, unionIdKey: 'short-key' }])).not.toThrow(/short-key/);
    expect(load([{ ...good, encodingAesKey: undefined }])).toThrow(
      'channel "shop": encodingAesKey: compatible and secure mode need an EncodingAESKey',
    );
    expect(load([{ ...good, kind: 'official_account' }])).toThrow('official accounts push XML only');
  });
});

describe('loadConfigFile: the open platform', () => {
  const platform = {
    componentAppId: 'wxcomponent0000001',
    appSecret: 'componentSecret01',
    token: 'platformToken',
    encodingAesKey: 'P'.repeat(43),
  };
  const write = (content: unknown) => {
    const file = join(dir, 'channels.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('takes the platform beside the channels, or alone', () => {
    expect(loadConfigFile(write({ channels: [good], platform }))).toMatchObject({ channels: [{ id: 'shop' }], platform });
    expect(loadConfigFile(write({ platform }))).toEqual({ channels: [], platform });
  });

  it('refuses an incomplete platform, naming the field and never a value', () => {
    const { token: _none, ...incomplete } = platform;
    expect(() => loadConfigFile(write({ platform: incomplete }))).toThrow(/token/);
    expect(() => loadConfigFile(write({ platform: { ...platform, encodingAesKey: 'short' } }))).toThrow(/encodingAesKey/);
    try {
      loadConfigFile(write({ platform: { ...platform, encodingAesKey: 'short' } }));
    } catch (error) {
      expect(String(error)).not.toContain(platform.appSecret);
    }
  });
});
