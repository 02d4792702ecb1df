// The two ways to adopt the kit: copy the kefu-kit folder, or install the mini program npm package.
// Each is loaded from outside this repository's layout and must produce the same native button.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import simulate from 'miniprogram-simulate';

const root = path.join(__dirname, '../..');
const vantLib = path.join(root, 'node_modules/@vant/weapp/lib');
const nativeButton = simulate.load({
  template: '<view class="native-button"><slot /></view>',
  properties: { openType: String, sessionFrom: String, sendMessageTitle: String },
});
const vanButton = simulate.load(path.join(vantLib, 'button/index'), 'van-button', {
  rootPath: vantLib,
  usingComponents: { button: nativeButton },
});

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : [path.join(dir, name)]));

async function nativeProps(componentPath: string) {
  const kit = simulate.load(componentPath, 'kefu-contact-button', { usingComponents: { 'van-button': vanButton } });
  const host = simulate.load({
    template: '<kefu-contact-button id="kit" nickname="小明" robot-id="3" transfer-action="{{levels}}" send-message-title="卡片" />',
    usingComponents: { 'kefu-contact-button': kit },
    data: { levels: [{ actionType: 'to_service', deciId: 'a7', optionId: '2' }] },
  });
  const page = simulate.render(host);
  page.attach(document.createElement('parent-wrapper'));
  await simulate.sleep(0);
  const van = (page.querySelector('#kit') as ReturnType<typeof simulate.render>).querySelector('#van-button');
  return (van?.querySelector('.van-button') as ReturnType<typeof simulate.render>).data;
}

const expected = {
  openType: 'contact',
  sessionFrom: 'sobot|小明|||transfer_action=[{"actionType":"to_service","deciId":"a7","optionId":"2"}]|robotid=3|',
  sendMessageTitle: '卡片',
};

describe('adopting the kit', () => {
  it('by copying the kefu-kit folder into another mini program', async () => {
    const app = mkdtempSync(path.join(tmpdir(), 'integrator-app-'));
    cpSync(path.join(root, 'miniprogram/kefu-kit'), path.join(app, 'components/kefu-kit'), { recursive: true });
    // Self-contained: no import in the folder reaches outside it.
    for (const file of walk(path.join(app, 'components/kefu-kit')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        expect([
          file,
          spec?.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(path.join(app, 'components/kefu-kit')),
        ]).toEqual([file, true]);
      }
    }
    expect(await nativeProps(path.join(app, 'components/kefu-kit/contact-button/index'))).toMatchObject(expected);
  });

  it('by installing the npm package built by scripts/build-npm-kit.mjs', async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-npm-kit.mjs')], { cwd: root, stdio: 'pipe' });
    const packDir = mkdtempSync(path.join(tmpdir(), 'npm-kit-pack-'));
    const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
      cwd: path.join(root, 'build/npm-kit'),
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['-xzf', path.join(packDir, tgz.split('\n').pop() as string), '-C', packDir]);
    const pkgDir = path.join(packDir, 'package');
    const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'wechat-kefu-kit', miniprogram: 'miniprogram_dist', peerDependencies: { '@vant/weapp': '^1.11.0' } });
    const files = walk(pkgDir).map((f) => path.relative(pkgDir, f));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        'miniprogram_dist/contact-button/index.js',
        'miniprogram_dist/contact-button/index.wxml',
        'miniprogram_dist/shared/index.js',
      ]),
    );
    expect(await nativeProps(path.join(pkgDir, 'miniprogram_dist/contact-button/index'))).toMatchObject(expected);
  }, 60_000); // a real build and `npm pack`: seconds, more on a busy machine
});
