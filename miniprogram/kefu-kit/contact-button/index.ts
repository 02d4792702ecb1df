// <kefu-contact-button>: van-button with open-type="contact" whose session-from is built from
// structured properties by the shared codec. Fires `overflow` when parts had to be dropped to fit
// WeChat's 1000 bytes, `error` when the input is invalid (the chat still opens, without context),
// and re-emits WeChat's `contact` callback.
import { buildSessionFrom, pickSessionFromOptions } from '../session-from';

const CODEC_FIELDS =
  'nickname, avatarUrl, params, transferAction, platformAction, partnerId, robotId, unionId, plainUnionId, unionIdKey, customerFields';

Component({
  options: { multipleSlots: false, virtualHost: true },
  externalClasses: ['custom-class'],
  properties: {
    // session-from fields: objects are passed as objects, never pre-serialised strings.
    nickname: String,
    avatarUrl: String,
    params: { type: Object, value: {} },
    transferAction: { type: Array, value: [] },
    platformAction: { type: Object, value: {} },
    partnerId: String,
    robotId: { type: String, optionalTypes: [Number] },
    unionId: String,
    plainUnionId: String,
    unionIdKey: String,
    customerFields: { type: Object, value: {} },
    // the mini program card the customer can send from the chat
    showMessageCard: Boolean,
    sendMessageTitle: String,
    sendMessagePath: String,
    sendMessageImg: String,
    // van-button's look, passed through
    text: String,
    type: { type: String, value: 'primary' },
    size: { type: String, value: 'normal' },
    plain: Boolean,
    block: Boolean,
    round: Boolean,
    square: Boolean,
    hairline: Boolean,
    icon: String,
    color: String,
    disabled: Boolean,
    loading: Boolean,
    customStyle: String,
  },
  data: { sessionFrom: 'sobot||||' },
  observers: {
    [CODEC_FIELDS]() {
      this.refresh();
    },
  },
  lifetimes: {
    attached() {
      this.refresh();
    },
  },
  methods: {
    refresh() {
      const options = pickSessionFromOptions(this.data as unknown as Record<string, unknown>);
      // {} and [] are the property defaults and mean "not given".
      if (options.params && Object.keys(options.params).length === 0) delete options.params;
      if (options.customerFields && Object.keys(options.customerFields).length === 0) delete options.customerFields;
      if (options.platformAction && Object.keys(options.platformAction).length === 0) delete options.platformAction;
      const built = buildSessionFrom(options);
      if (built.value !== this.data.sessionFrom) this.setData({ sessionFrom: built.value });
      if (built.error) this.triggerEvent('error', built.error);
      else if (built.encoded && built.encoded.dropped.length > 0) {
        this.triggerEvent('overflow', { dropped: built.encoded.dropped, bytes: built.encoded.bytes, sessionFrom: built.value });
      }
    },
    onContact(event: WechatMiniprogram.CustomEvent) {
      this.triggerEvent('contact', event.detail);
    },
  },
});
