// A product page: the contact button carries who the customer is and which product they looked at,
// and offers the product as a mini program card in the chat.
//
// Who they are: WeChat no longer answers the nickname and avatar to getUserInfo / getUserProfile (a
// grey avatar and "微信用户" since the 2022 rule change), so the customer fills them in with WeChat's
// own "头像昵称填写" controls: a button with open-type="chooseAvatar" and an <input type="nickname">
// in a form (WeChat checks the nickname on blur and may clear it, so it is read on submit).
import { openCustomerService } from '../../kefu-kit/index';

const product = { id: 'SKU-1024', name: '保温杯 Thermos 500ml', price: '89.00' };

/**
 * Where your own server takes the chosen avatar (wx.uploadFile, field "file") and answers {"url": "https://…"}.
 * chooseAvatar gives a temporary file on the phone, which agents cannot load: only an uploaded https
 * address goes into the session-from. The demo has no such server, so it sends the nickname alone.
 */
const AVATAR_UPLOAD_URL = '';

const NOTE_UPLOAD = '头像上传后随会话发送。The avatar goes with the chat once uploaded.';
const NOTE_NO_SERVER = '演示未配置头像上传地址：只发送昵称。No upload address in the demo: only the nickname is sent.';

/** Uploads the temporary avatar file; resolves its https address, or undefined when it cannot be had. */
function uploadAvatar(uploadUrl: string, filePath: string): Promise<string | undefined> {
  if (!uploadUrl) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    wx.uploadFile({
      url: uploadUrl,
      filePath,
      name: 'file',
      success: (res) => {
        try {
          const url = (JSON.parse(res.data) as { url?: unknown }).url;
          resolve(res.statusCode === 200 && typeof url === 'string' && url.startsWith('https://') ? url : undefined);
        } catch {
          resolve(undefined);
        }
      },
      fail: () => resolve(undefined),
    });
  });
}

Component({
  data: {
    product,
    customer: { nickname: '', avatarUrl: '', partnerId: 'demo-user-1' },
    // WeChat's grey default avatar, as its documentation's example shows it.
    defaultAvatar: 'https://mmbiz.qpic.cn/mmbiz/icTdbqWNOwNRna42FI242Lcia07jQodd2FJGIYQfG0LAJGFxM4FbnQP6yfMxBgJ0F3YRqJCJ1aPAK2dQagdusBZg/0',
    avatarPreview: '',
    avatarNote: '',
    avatarUploadUrl: AVATAR_UPLOAD_URL,
    params: { productId: product.id, source: 'product-page' },
    cardPath: `pages/product/index?id=${product.id}`,
    helperMessage: '',
  },
  methods: {
    onChooseAvatar(event: WechatMiniprogram.CustomEvent<{ avatarUrl: string }>) {
      const temporary = event.detail.avatarUrl;
      this.setData({ avatarPreview: temporary, avatarNote: this.data.avatarUploadUrl ? NOTE_UPLOAD : NOTE_NO_SERVER });
      return uploadAvatar(this.data.avatarUploadUrl, temporary).then((url) => {
        if (url) this.setData({ 'customer.avatarUrl': url });
      });
    },
    onProfileSubmit(event: WechatMiniprogram.CustomEvent<{ value: { nickname?: string } }>) {
      this.setData({ 'customer.nickname': (event.detail.value.nickname ?? '').trim() });
    },
    onContact(event: WechatMiniprogram.CustomEvent) {
      // WeChat calls back with the card's path/query when the customer taps a card in the chat.
      console.info('back from customer service', event.detail);
    },
    onOverflow(event: WechatMiniprogram.CustomEvent) {
      console.warn('session-from was too long; dropped', event.detail);
    },
    openWithHelper() {
      const { nickname, avatarUrl } = this.data.customer;
      openCustomerService({ ...(nickname && { nickname }), ...(avatarUrl && { avatarUrl }), params: this.data.params })
        .then(() => this.setData({ helperMessage: '已打开 Opened' }))
        .catch((e: Error) => this.setData({ helperMessage: e.message }));
    },
  },
});
