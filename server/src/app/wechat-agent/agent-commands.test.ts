// Each WeChat command against the in-memory engine: two customers (oC1, oC2) and one agent on WeChat (oA).
import { wechatAgentFixture, type WeChatAgentFixture } from './testing/wechat-agent-fixture';

let f: WeChatAgentFixture;
beforeEach(async () => {
  f = wechatAgentFixture(async (_scope, key, who) =>
    key === '2' ? [{ type: 'text', text: `${who?.nickname ?? '您'}好，营业时间 9:00-18:00` }] : undefined,
  );
  await f.settings({ receptionMode: 'agents_only' });
  await f.agent('w1', { name: '小王', wechatOpenid: 'oA', status: 'offline', maxConcurrent: 2 });
  await f.write('oA', '上班'); // opens the agent's WeChat window, as any user's message does
  f.newTexts('oA');
});

const stateOf = (openid: string) =>
  [...f.store.data.conversations.values()]
    .filter((c) => f.store.data.customers.get(c.customerId)?.openid === openid && c.state !== 'ended')
    .map((c) => c.state);

describe('a WeChat agent at work', () => {
  it('上班 sets the status and says so', async () => {
    expect(f.agentRecord('w1').status).toBe('online');
    expect(f.sentTexts('oA')).toEqual(['已切换为「上班（空闲）」。']);
  });

  it('gets the customer forwarded with a header and answers with a plain message', async () => {
    await f.write('oC1', '你好，订单没到');
    expect(f.newTexts('oA')).toEqual(['新客户 #1 接入（当前客户，直接回复即可）\n你好，订单没到']);
    await f.write('oC1', '单号 123');
    expect(f.newTexts('oA')).toEqual(['【#1】单号 123']);
    f.newTexts('oC1');
    await f.write('oA', '马上帮您查');
    expect(f.newTexts('oC1')).toEqual(['马上帮您查']);
    expect(f.newTexts('oA')).toEqual([]); // a reply that went needs no confirmation (it would eat the agent's window)
  });

  it('@2:text writes to another customer and makes them current; @2:n# sends a knowledge entry', async () => {
    await f.write('oC1', '你好');
    await f.write('oC2', '在吗');
    expect(f.newTexts('oA')).toEqual(['新客户 #1 接入（当前客户，直接回复即可）\n你好', '新客户 #2 接入（回复请用 @2:内容）\n在吗']);
    f.newTexts('oC2');
    await f.write('oA', '@2:在的');
    await f.write('oA', '请讲');
    await f.write('oA', '@2:2#');
    expect(f.newTexts('oC2')).toEqual(['在的', '请讲', '您好，营业时间 9:00-18:00']);
    await f.write('oA', '@2:9#');
    expect(f.newTexts('oA')).toEqual(['知识库中没有「9」。']);
  });

  it('@所有人 reaches everyone the agent serves', async () => {
    await f.write('oC1', '你好');
    await f.write('oC2', '你好');
    f.newTexts('oA');
    await f.write('oA', '@所有人 今天发货');
    expect([f.newTexts('oC1').at(-1), f.newTexts('oC2').at(-1)]).toEqual(['今天发货', '今天发货']);
    expect(f.newTexts('oA')).toEqual(['已发给 2/2 位客户。']);
  });

  it('排队 lists who waits; 下一个 ends the current customer and the queue moves to the agent', async () => {
    await f.agent('w1', { ...f.agentRecord('w1'), maxConcurrent: 1 });
    await f.write('oC1', '你好');
    await f.write('oC2', '我也要问');
    expect(stateOf('oC2')).toEqual(['queued']);
    f.newTexts('oA');
    await f.write('oA', 'm');
    expect(f.newTexts('oA')[0]).toMatch(/^排队 1 人：\n#2，已等 0 分钟/);
    await f.write('oA', '下一个');
    expect(stateOf('oC1')).toEqual([]);
    expect(f.newTexts('oC1').at(-1)).toBe('本次会话已结束，感谢您的咨询，祝您生活愉快！');
    expect(f.newTexts('oA')).toEqual(['已结束 #1。', '新客户 #2 接入（当前客户，直接回复即可）\n我也要问']);
    expect(stateOf('oC2')).toEqual(['assigned']);
  });

  it('清零 asks first; 确认 offers everyone waiting to leave a message; anything else cancels', async () => {
    await f.agent('w1', { ...f.agentRecord('w1'), maxConcurrent: 1 });
    await f.write('oC1', '你好');
    await f.write('oC2', '排队中');
    f.newTexts('oA');
    await f.write('oA', '0');
    expect(f.newTexts('oA')).toEqual(['确认清空排队的 1 位客户吗？2 分钟内回复「确认」执行，回复其他内容取消。']);
    await f.write('oA', '确认');
    expect(f.newTexts('oA')).toEqual(['已清空排队 1 位，已请他们留言。']);
    expect(stateOf('oC2')).toEqual(['left_message']);
    expect(f.newTexts('oC2').at(-1)).toBe('请直接留言，我们会在工作时间尽快回复您。');
    // Without a pending 清零, 确认 is just a reply to the customer.
    await f.write('oA', '确认');
    expect(f.newTexts('oC1').at(-1)).toBe('确认');
  });

  it('看留言 shows the messages left, and @n takes that customer', async () => {
    await f.agent('w1', { ...f.agentRecord('w1'), maxConcurrent: 1 });
    await f.write('oC1', '你好');
    await f.write('oC2', '排队中');
    await f.write('oA', '0');
    await f.write('oA', '确认');
    await f.write('oC2', '我想退货');
    f.newTexts('oA');
    await f.write('oA', '看留言');
    expect(f.newTexts('oA')).toEqual(['留言 1 位：\n#2（0 分钟前）：\n  我想退货\n发送 @编号:内容 可接入并回复。']);
    await f.write('oA', '下一个');
    await f.write('oA', '@2:您好，退货请寄回');
    expect(stateOf('oC2')).toEqual(['assigned']);
    expect(f.newTexts('oC2').at(-1)).toBe('您好，退货请寄回');
  });

  it('隐身 / 忙碌 / 帮助 / openid', async () => {
    await f.write('oA', '隐身');
    expect(f.agentRecord('w1').status).toBe('invisible');
    await f.write('oA', '忙碌');
    expect(f.agentRecord('w1').status).toBe('busy');
    await f.write('oA', '帮助');
    await f.write('oA', 'openid');
    const told = f.newTexts('oA');
    expect(told.slice(0, 2)).toEqual(['已切换为「隐身」。', '已切换为「忙碌」。']);
    expect(told[2]).toContain('下一个 / p');
    expect(told[3]).toBe('您的 openid：oA');
  });

  it('without a customer, a plain message says how to get one', async () => {
    await f.write('oA', '有人吗');
    expect(f.newTexts('oA')).toEqual(['当前没有接待中的客户。发送「排队」查看排队，「帮助」查看命令。']);
  });
});
