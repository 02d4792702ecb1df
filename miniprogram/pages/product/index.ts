// A product page: the contact button carries who the customer is and which product they looked at,
// and offers the product as a mini program card in the chat.
import { openCustomerService } from '../../kefu-kit/index';

const product = { id: 'SKU-1024', name: '保温杯 Thermos 500ml', price: '89.00' };

Component({
  data: {
    product,
    customer: { nickname: '演示用户 Demo', avatarUrl: 'https://thirdwx.qlogo.cn/demo/avatar.png', partnerId: 'demo-user-1' },
    params: { productId: product.id, source: 'product-page' },
    cardPath: `pages/product/index?id=${product.id}`,
    helperMessage: '',
  },
  methods: {
    onContact(event: WechatMiniprogram.CustomEvent) {
      // WeChat calls back with the card's path/query when the customer taps a card in the chat.
      console.info('back from customer service', event.detail);
    },
    onOverflow(event: WechatMiniprogram.CustomEvent) {
      console.warn('session-from was too long; dropped', event.detail);
    },
    openWithHelper() {
      openCustomerService({ nickname: this.data.customer.nickname, params: this.data.params })
        .then(() => this.setData({ helperMessage: '已打开 Opened' }))
        .catch((e: Error) => this.setData({ helperMessage: e.message }));
    },
  },
});
