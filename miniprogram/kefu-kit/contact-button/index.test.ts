// The contact button in miniprogram-simulate with the real van-button from @vant/weapp/lib.
// The native <button> is replaced by a stub that declares WeChat's open-type properties, so the
// test sees exactly what reaches WeChat, and can fire the `contact` callback WeChat would fire.
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { decodeSessionFrom } from '../shared/index';

// miniprogram-api-typings redeclares require without resolve.
const vantLib = path.dirname(path.dirname((require as unknown as NodeRequire).resolve('@vant/weapp/lib/button/index.js')));

const nativeButton = simulate.load({
  template: '<view class="native-button"><slot /></view>',
  properties: {
    openType: String,
    sessionFrom: String,
    showMessageCard: Boolean,
    sendMessageTitle: String,
    sendMessagePath: String,
    sendMessageImg: String,
  },
  methods: {
    fireContact(detail: unknown) {
      (this as unknown as WechatMiniprogram.Component.TrivialInstance).triggerEvent('contact', detail);
    },
  },
});
const vanButton = simulate.load(path.join(vantLib, 'button/index'), 'van-button', {
  rootPath: vantLib,
  usingComponents: { button: nativeButton },
});
const contactButton = simulate.load(path.join(__dirname, 'index'), 'kefu-contact-button', {
  usingComponents: { 'van-button': vanButton },
});

type Instance = ReturnType<typeof simulate.render>;

function mount(properties: Record<string, unknown>) {
  const events: Record<string, unknown[]> = { overflow: [], error: [], contact: [] };
  const host = simulate.load({
    template: `<kefu-contact-button id="kit" nickname="{{nickname}}" avatar-url="{{avatarUrl}}" params="{{params}}"
      transfer-action="{{transferAction}}" platform-action="{{platformAction}}" robot-id="{{robotId}}" partner-id="{{partnerId}}"
      plain-union-id="{{plainUnionId}}" union-id-key="{{unionIdKey}}" customer-fields="{{customerFields}}"
      show-message-card="{{showMessageCard}}" send-message-title="{{title}}" send-message-path="{{pagePath}}" send-message-img="{{img}}"
      type="{{type}}" round="{{round}}" text="{{text}}"
      bind:overflow="onOverflow" bind:error="onError" bind:contact="onContact" />`,
    usingComponents: { 'kefu-contact-button': contactButton },
    data: { params: {}, transferAction: [], platformAction: {}, customerFields: {}, type: 'primary', ...properties },
    methods: {
      onOverflow: (e: { detail: unknown }) => events.overflow?.push(e.detail),
      onError: (e: { detail: unknown }) => events.error?.push(e.detail),
      onContact: (e: { detail: unknown }) => events.contact?.push(e.detail),
    },
  });
  const page = simulate.render(host);
  page.attach(document.createElement('parent-wrapper'));
  return { page, events };
}

/** The stub native button inside van-button inside our component (class selectors reach into each shadow tree). */
function native(page: Instance): Instance {
  const van = (page.querySelector('#kit') as Instance).querySelector('#van-button') as Instance;
  return van.querySelector('.van-button') as Instance;
}

describe('kefu-contact-button', () => {
  it('sends the computed session-from to the native contact button', async () => {
    const { page, events } = mount({
      nickname: '小明|VIP',
      params: { orderId: 'A100', age: 18 },
      transferAction: [
        { actionType: 'to_group', deciId: 'presale', optionId: '3', spillId: '5' },
        { actionType: 'to_group', deciId: 'aftersale', optionId: '4' },
      ],
      robotId: 2,
    });
    await simulate.sleep(0);
    const button = native(page);
    expect(button.data.openType).toBe('contact');
    expect(button.data.sessionFrom).toBe(
      'sobot|小明%7CVIP||{"orderId":"A100","age":"18"}|transfer_action=[{"actionType":"to_group","deciId":"presale","optionId":"3","spillId":"5"},' +
        '{"actionType":"to_group","deciId":"aftersale","optionId":"4"}]|robotid=2|',
    );
    expect(events.error).toEqual([]);
    expect(events.overflow).toEqual([]);
  });

  it('updates the session-from when a property changes', async () => {
    const { page } = mount({ nickname: 'a' });
    await simulate.sleep(0);
    expect(native(page).data.sessionFrom).toBe('sobot|a|||');
    page.setData({ nickname: 'b', platformAction: { customerCode: 'shop-1', flowGroupId: 'g2' } });
    await simulate.sleep(0);
    const decoded = decodeSessionFrom(native(page).data.sessionFrom);
    expect(decoded).toMatchObject({
      kind: 'sobot',
      fields: { nickname: 'b', platformAction: { customerCode: 'shop-1', flowGroupId: 'g2' } },
    });
  });

  it('encrypts a plain UnionID with the key', async () => {
    const { page } = mount({ plainUnionId: 'oJw8S1S0ZheoM2PnKbka3zJO-QyE', unionIdKey: '1234567890abcdef' });
    await simulate.sleep(0);
    expect(native(page).data.sessionFrom).toBe('sobot||||unionid=wRHt8Ny7dngE4LiURys7EmuI/9lPnGmH7fRD9Cz9gic=|');
  });

  it('passes the card properties through', async () => {
    const { page } = mount({ showMessageCard: true, title: '订单 A100', pagePath: 'pages/order/order?id=A100', img: '/images/card.png' });
    await simulate.sleep(0);
    expect(native(page).data).toMatchObject({
      showMessageCard: true,
      sendMessageTitle: '订单 A100',
      sendMessagePath: 'pages/order/order?id=A100',
      sendMessageImg: '/images/card.png',
    });
  });

  it('passes the look of van-button through and renders the text', async () => {
    const { page } = mount({ type: 'danger', round: true, text: '联系客服' });
    await simulate.sleep(0);
    const html = page.dom?.innerHTML ?? '';
    expect(html).toContain('van-button--danger');
    expect(html).toContain('van-button--round');
    expect(html).toContain('联系客服');
  });

  it('fires overflow with what was dropped', async () => {
    const { page, events } = mount({ nickname: 'n', avatarUrl: `https://img.example.com/${'a'.repeat(1000)}.png`, robotId: '1' });
    await simulate.sleep(0);
    expect(events.overflow).toEqual([
      { dropped: [{ field: 'avatarUrl', action: 'dropped' }], bytes: 'sobot|n|||robotid=1|'.length, sessionFrom: 'sobot|n|||robotid=1|' },
    ]);
    expect(native(page).data.sessionFrom).toBe('sobot|n|||robotid=1|');
  });

  it('fires error for invalid input and still opens the chat without context', async () => {
    const { page, events } = mount({ transferAction: [{ actionType: 'to_group', deciId: 'g', optionId: '1' }] });
    await simulate.sleep(0);
    expect(events.error).toEqual([
      { code: 'invalid_field', field: 'transferAction[0].optionId', message: expect.stringMatching(/must be "3" \(overflow\) or "4"/) },
    ]);
    expect(native(page).data).toMatchObject({ openType: 'contact', sessionFrom: 'sobot||||' });
  });

  it('re-emits the contact callback of WeChat', async () => {
    const { page, events } = mount({ nickname: 'a' });
    await simulate.sleep(0);
    const detail = { errMsg: 'enterContact:ok', path: 'pages/product/product', query: { id: '1' } };
    (native(page).instance as unknown as { fireContact(d: unknown): void }).fireContact(detail);
    await simulate.sleep(0);
    expect(events.contact).toEqual([detail]);
  });
});
