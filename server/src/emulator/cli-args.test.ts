import { readSettings, SettingsError } from './cli-args';

describe('readSettings', () => {
  it('reads flags before the environment', () => {
    expect(readSettings(['--port', '0', '-c', 'apps.json'], { WECHAT_EMULATOR_PORT: '7000' })).toEqual({
      port: 0,
      host: '127.0.0.1',
      configFile: 'apps.json',
      help: false,
    });
    expect(readSettings([], { WECHAT_EMULATOR_PORT: '7000', WECHAT_EMULATOR_HOST: '0.0.0.0' })).toMatchObject({
      port: 7000,
      host: '0.0.0.0',
    });
  });
  it('knows --help and refuses a bad port or an unknown flag', () => {
    expect(readSettings(['-h'], {}).help).toBe(true);
    expect(() => readSettings(['--port', 'x'], {})).toThrow(SettingsError);
    expect(() => readSettings(['--verbose'], {})).toThrow();
  });
});
