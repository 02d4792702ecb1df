// `kefu platform` as a child process against a temporary DATA_DIR: the settings are stored sealed, shown
// without a secret, and a first configuration without its secrets is a usage error.
import { MASTER_KEY, useKefuCli } from './testing/kefu-cli';

const cli = useKefuCli('kefu-platform-cli-');
const SECRETS = {
  KEFU_COMPONENT_APP_SECRET: 'componentSecret0001',
  KEFU_COMPONENT_TOKEN: 'platformToken01',
  KEFU_COMPONENT_ENCODING_AES_KEY: 'P'.repeat(43),
};

describe('kefu platform', () => {
  it('has --help', () => {
    for (const cmd of [['platform'], ['platform', 'set'], ['platform', 'show']]) expect(cli.run([...cmd, '--help']).code).toBe(0);
  });

  it('sets the platform from the environment and shows it without a secret', () => {
    expect(cli.run(['platform', 'set', '--component-app-id', 'wxcomponent0000001'], {}).code).toBe(2);
    const set = cli.run(['platform', 'set', '--component-app-id', 'wxcomponent0000001'], { ...SECRETS, KEFU_MASTER_KEY: MASTER_KEY });
    expect(set).toMatchObject({ code: 0 });
    expect(set.out).toContain('/wechat/component/$APPID$/messages');
    const shown = cli.run(['platform', 'show', '--json']);
    expect(JSON.parse(shown.out)).toMatchObject({ configured: true, componentAppId: 'wxcomponent0000001', ticketReceivedAt: null });
    for (const secret of Object.values(SECRETS)) expect(shown.out + set.out).not.toContain(secret);
    // Later changes keep the secrets they leave out.
    expect(cli.run(['platform', 'set', '--token', 'otherToken02']).code).toBe(0);
  });
});
