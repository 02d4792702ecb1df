// The demo mini program: that WeChat DevTools can open it as it is (every page and component it
// names exists under miniprogramRoot, npm is laid out, the mini program's own package.json holds
// only runtime dependencies), and that its pages send the session-from they promise.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { decodeSessionFrom } from './kefu-kit/shared/index';

const root = path.join(__dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const project = readJson(path.join(root, 'project.config.json'));
const miniRoot = path.join(root, project.miniprogramRoot);
const app = readJson(path.join(miniRoot, 'app.json'));

/** Where DevTools resolves a usingComponents entry: absolute from the root, npm from miniprogram_npm, else relative. */
function resolveComponent(from: string, ref: string): string {
  if (ref.startsWith('/')) return path.join(miniRoot, ref);
  if (ref.startsWith('.')) return path.join(path.dirname(from), ref);
  return path.join(miniRoot, 'miniprogram_npm', ref);
}

describe('demo mini program layout', () => {
  it('project.config.json compiles TypeScript and builds npm from the mini program package.json', () => {
    expect(project.miniprogramRoot).toBe('miniprogram/');
    expect(project.setting.useCompilerPlugins).toEqual(['typescript']);
    expect(project.setting.packNpmManually).toBe(true);
    expect(project.setting.packNpmRelationList).toEqual([
      { packageJsonPath: './miniprogram/package.json', miniprogramNpmDistDir: './miniprogram/' },
    ]);
    const pkg = readJson(path.join(miniRoot, 'package.json'));
    expect(Object.keys(pkg.dependencies)).toEqual(['@vant/weapp']);
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.dependencies['@vant/weapp']).toBe(readJson(path.join(root, 'package.json')).devDependencies['@vant/weapp']);
  });

  it.each(app.pages as string[])('page %s has its files and resolvable components', (page) => {
    const base = path.join(miniRoot, page);
    for (const ext of ['.ts', '.json', '.wxml']) expect(existsSync(base + ext)).toBe(true);
    const json = readJson(`${base}.json`);
    for (const ref of Object.values(json.usingComponents ?? {}) as string[]) {
      const target = resolveComponent(base, ref);
      expect([ref, existsSync(`${target}.json`), existsSync(`${target}.wxml`)]).toEqual([ref, true, true]);
      expect(existsSync(`${target}.ts`) || existsSync(`${target}.js`)).toBe(true);
    }
  });

  it('the tab bar lists only real pages', () => {
    for (const tab of app.tabBar.list) expect(app.pages).toContain(tab.pagePath);
  });
});

describe('demo pages', () => {
  const vantLib = path.join(miniRoot, 'miniprogram_npm/@vant/weapp');
  const vanButton = simulate.load(path.join(vantLib, 'button/index'), 'van-button', { rootPath: vantLib });
  const contactButton = simulate.load(path.join(miniRoot, 'kefu-kit/contact-button/index'), 'kefu-contact-button', {
    usingComponents: { 'van-button': vanButton },
  });
  const load = (page: string) =>
    simulate.load(path.join(miniRoot, page), {
      rootPath: miniRoot,
      usingComponents: { 'kefu-contact-button': contactButton, 'van-button': vanButton },
    });
  const order = load('pages/order/index');
  const inspect = load('pages/inspect/index');
  const product = load('pages/product/index');

  function sessionFromOf(page: ReturnType<typeof simulate.render>): string {
    return (page.querySelector('#contact') as ReturnType<typeof simulate.render>).data.sessionFrom as string;
  }

  it('the order page routes to after-sales with a three-level overflow chain', async () => {
    const page = simulate.render(order);
    page.attach(document.createElement('parent-wrapper'));
    await simulate.sleep(0);
    const decoded = decodeSessionFrom(sessionFromOf(page));
    expect(decoded).toMatchObject({
      kind: 'sobot',
      problems: [],
      fields: {
        params: { orderId: 'E20261121-0042' },
        robotId: '2',
        customerFields: { memberLevel: 'gold' },
        transferAction: [
          { actionType: 'to_group', deciId: 'after-sales', optionId: '3', spillId: '5' },
          { actionType: 'to_service', deciId: 'supervisor-01', optionId: '1', spillId: '1' },
          { actionType: 'to_group', deciId: 'general', optionId: '4' },
        ],
      },
    });
  });

  it('the inspect page shows the exact string and what a long nickname costs', async () => {
    const page = simulate.render(inspect);
    page.attach(document.createElement('parent-wrapper'));
    await simulate.sleep(0);
    expect(page.data.built.value).toBe(sessionFromOf(page));
    expect(page.dom?.innerHTML).toContain(page.data.built.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').slice(0, 20));
    expect(page.data.built.dropped).toEqual([]);
    (page.instance as unknown as { onNicknameLength(e: unknown): void }).onNicknameLength({ detail: { value: 400 } });
    await simulate.sleep(0);
    expect(page.data.built.dropped).toEqual([
      'avatarUrl',
      'params.campaign',
      'params.page',
      expect.stringMatching(/^nickname 400 → \d+ chars$/),
    ]);
    expect(page.data.built.bytes).toBeLessThanOrEqual(1000);
    expect(sessionFromOf(page)).toBe(page.data.built.value);
  });

  describe('the product page: the nickname and avatar the customer gives (getUserInfo no longer does)', () => {
    type ProductPage = {
      onProfileSubmit(e: unknown): void;
      onChooseAvatar(e: unknown): Promise<void>;
    };
    const render = async () => {
      const page = simulate.render(product);
      page.attach(document.createElement('parent-wrapper'));
      await simulate.sleep(0);
      return { page, instance: page.instance as unknown as ProductPage };
    };
    const fields = (page: ReturnType<typeof simulate.render>) => {
      const decoded = decodeSessionFrom(sessionFromOf(page));
      if (decoded.kind !== 'sobot') throw new Error(`not a Sobot session-from: ${decoded.kind}`);
      return decoded.fields;
    };
    afterEach(() => {
      delete (globalThis as Record<string, unknown>).wx;
    });

    it('uses WeChat’s own controls: a chooseAvatar button and a nickname input read on submit', () => {
      const wxml = readFileSync(path.join(miniRoot, 'pages/product/index.wxml'), 'utf8');
      expect(wxml).toMatch(/<button[^>]*open-type="chooseAvatar"[^>]*bind:chooseavatar="onChooseAvatar"/);
      expect(wxml).toMatch(
        /<form bindsubmit="onProfileSubmit">[\s\S]*<input[^>]*type="nickname"[^>]*name="nickname"[\s\S]*form-type="submit"/,
      );
      expect(wxml).not.toMatch(/open-type="getUserInfo"|bindgetuserinfo/);
    });

    it('sends no made-up nickname, then the one the customer submits', async () => {
      const { page, instance } = await render();
      expect(fields(page).nickname ?? '').toBe('');
      instance.onProfileSubmit({ detail: { value: { nickname: '  小王  ' } } });
      await simulate.sleep(0);
      expect(fields(page).nickname).toBe('小王');
    });

    it('never sends the temporary avatar file; sends the https address the upload answers', async () => {
      const { page, instance } = await render();
      const temporary = 'http://tmp/avatar-7f3a.jpeg';
      await instance.onChooseAvatar({ detail: { avatarUrl: temporary } });
      await simulate.sleep(0);
      expect(page.data.avatarPreview).toBe(temporary);
      expect(fields(page).avatarUrl ?? '').toBe('');

      const uploads: { url: string; filePath: string; name: string }[] = [];
      (globalThis as Record<string, unknown>).wx = {
        uploadFile: (o: { url: string; filePath: string; name: string; success(r: { statusCode: number; data: string }): void }) => {
          uploads.push({ url: o.url, filePath: o.filePath, name: o.name });
          o.success({ statusCode: 200, data: JSON.stringify({ url: 'https://cdn.example.com/avatars/7f3a.jpeg' }) });
        },
      };
      page.setData({ avatarUploadUrl: 'https://shop.example.com/avatars' });
      await instance.onChooseAvatar({ detail: { avatarUrl: temporary } });
      await simulate.sleep(0);
      expect(uploads).toEqual([{ url: 'https://shop.example.com/avatars', filePath: temporary, name: 'file' }]);
      expect(fields(page).avatarUrl).toBe('https://cdn.example.com/avatars/7f3a.jpeg');
    });
  });
});
