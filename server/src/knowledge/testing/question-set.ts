// The fixed question set the robot's matching quality is measured on: a small shop's knowledge base in
// Chinese and English, and questions as customers type them with the entry each should get (undefined:
// nothing fits, the robot should say it did not understand). Used by the precision test and the benchmark.
import type { EntryFields, KnowledgeEntry } from '../entry';

const t = (number: number, keywords: string[], text: string, title?: string): EntryFields => ({
  number,
  keywords,
  similarQuestions: [],
  type: 'text',
  text,
  ...(title !== undefined && { title }),
  enabled: true,
  robotIds: [],
  welcome: false,
  handoff: false,
});

export const SHOP_ENTRIES: EntryFields[] = [
  {
    ...t(1, ['引导语', '菜单', 'menu'], '[name]您好，欢迎光临！直接回复序号即可{br}1.菜单{br}2.联系方式{br}3.退货{br}4.人工客服'),
    welcome: true,
  },
  t(2, ['联系方式', '电话', '客服电话', 'contact', 'phone number'], '客服电话 400-000-0000', '联系我们 Contact us'),
  t(3, ['退货', '退货流程', '怎么退货', 'return', 'return policy'], '7天无理由退货，请在订单页申请。', '退货流程 Returns'),
  { ...t(4, ['人工', '转人工'], '正在为您转接人工客服。'), handoff: true },
  t(5, ['发货时间', '什么时候发货', '多久发货', 'shipping time', 'when ship'], '下单后48小时内发货。', '发货 Shipping'),
  t(6, ['运费', '邮费', '包邮', 'shipping cost', 'delivery fee'], '满99元包邮。', '运费 Shipping fee'),
  t(7, ['退款', '退款多久到账', 'refund'], '退款1-3个工作日原路退回。', '退款 Refunds'),
  t(8, ['发票', '开发票', 'invoice', 'receipt'], '请在订单页申请电子发票。', '发票 Invoices'),
  t(9, ['营业时间', '上班时间', 'opening hours', 'business hours'], '每天9:00-21:00在线。', '营业时间 Hours'),
  t(10, ['优惠券', '折扣', 'coupon', 'discount code'], '领券中心每天更新优惠券。', '优惠 Coupons'),
  t(11, ['修改地址', '改地址', 'change address', 'shipping address'], '发货前可在订单页修改地址。', '修改收货地址 Change address'),
  t(12, ['物流查询', '快递到哪了', '查快递', 'track order', 'tracking number'], '在订单详情查看物流。', '物流 Tracking'),
  t(13, ['会员', '积分', 'membership', 'loyalty points'], '消费1元积1分。', '会员积分 Membership'),
  t(14, ['尺码', '尺码表', 'size chart', 'sizing'], '商品详情页有尺码表。', '尺码 Size guide'),
  t(15, ['换货', '换尺码', 'exchange'], '15天内可换货一次。', '换货 Exchanges'),
  t(16, ['取消订单', 'cancel order'], '未发货订单可直接取消。', '取消订单 Cancel an order'),
  t(17, ['支付方式', '怎么付款', 'payment method', 'pay'], '支持微信支付。', '支付 Payment'),
  t(18, ['密码', '忘记密码', 'reset password', 'forgot password'], '在登录页点忘记密码。', '账号密码 Password'),
  t(19, ['保修', '质保', 'warranty'], '电子产品保修一年。', '保修 Warranty'),
  t(20, ['门店地址', '实体店', 'store location', 'shop address'], '门店在上海市南京路100号。', '门店 Stores'),
];

export const shopEntries = (channelId = 'ch1'): KnowledgeEntry[] => SHOP_ENTRIES.map((e) => ({ ...e, channelId, updatedAt: 0 }));

/** [question, expected entry number or undefined]. */
export const QUESTIONS: [string, number | undefined][] = [
  ['1', 1],
  ['3', 3],
  ['菜单', 1],
  ['退货', 3],
  ['Refund', 7],
  ['  发票 ', 8],
  ['请问怎么退货呢？', 3],
  ['我想退货，流程是什么', 3],
  ['退款多久能到账啊', 7],
  ['钱什么时候退回来，退款', 7],
  ['你们什么时候发货', 5],
  ['下单后多久发货？', 5],
  ['运费怎么算', 6],
  ['包邮吗', 6],
  ['可以开发票吗', 8],
  ['你们的营业时间是几点', 9],
  ['有没有优惠券可以用', 10],
  ['我要修改收货地址', 11],
  ['我的快递到哪了', 12],
  ['怎么查快递', 12],
  ['会员积分怎么用', 13],
  ['尺码表在哪里看', 14],
  ['可以换尺码吗', 15],
  ['我想取消订单', 16],
  ['支持哪些支付方式', 17],
  ['忘记密码了怎么办', 18],
  ['质保多久', 19],
  ['实体店在哪里', 20],
  ['客服电话是多少', 2],
  ['How do I return an item?', 3],
  ['what is your return policy', 3],
  ['When will you ship my order?', 5],
  ['How much is the shipping cost?', 6],
  ['I need an invoice for my purchase', 8],
  ['What are your opening hours?', 9],
  ['Do you have a discount code?', 10],
  ['I want to change my shipping address', 11],
  ['How can I track my order?', 12],
  ['Where is the size chart?', 14],
  ['Can I cancel my order?', 16],
  ['I forgot my password', 18],
  ['Is there a warranty?', 19],
  ['What payment methods do you accept?', 17],
  ['where is your store location', 20],
  ['give me your phone number', 2],
  ['今天天气怎么样', undefined],
  ['你是机器人吗', undefined],
  ['What is the meaning of life?', undefined],
  ['asdfgh', undefined],
  ['我想买一台冰箱', undefined],
];

export interface Quality {
  /** Answered questions that got the expected entry / answered questions. */
  precision: number;
  /** Questions with an expected entry that got it / questions with an expected entry. */
  recall: number;
  /** Questions that should not be answered and were not / such questions. */
  rejected: number;
  wrong: string[];
}

export function measure(answer: (q: string) => number | undefined): Quality {
  let answered = 0;
  let right = 0;
  let expected = 0;
  let found = 0;
  let nothing = 0;
  let silent = 0;
  const wrong: string[] = [];
  for (const [q, want] of QUESTIONS) {
    const got = answer(q);
    if (got !== undefined) answered++;
    if (got !== undefined && got === want) right++;
    if (want !== undefined) expected++;
    if (want !== undefined && got === want) found++;
    if (want === undefined) nothing++;
    if (want === undefined && got === undefined) silent++;
    if (got !== want) wrong.push(`${q} → ${got ?? '-'} (expected ${want ?? '-'})`);
  }
  return {
    precision: right / Math.max(answered, 1),
    recall: found / Math.max(expected, 1),
    rejected: silent / Math.max(nothing, 1),
    wrong,
  };
}
