import { parseAgentCommand } from './commands';
import { customerIntent, nameCandidates } from './customer-intents';
import { customerOfNumber, emptyMemory, forget, numberFor } from './memory';

describe('parseAgentCommand', () => {
  it.each([
    ['下一个', { kind: 'next' }],
    ['p', { kind: 'next' }],
    [' P ', { kind: 'next' }],
    ['排队', { kind: 'queue' }],
    ['m', { kind: 'queue' }],
    ['清零', { kind: 'clear_queue' }],
    ['0', { kind: 'clear_queue' }],
    ['看留言', { kind: 'left_messages' }],
    ['隐身', { kind: 'status', status: 'invisible' }],
    ['上班', { kind: 'status', status: 'online' }],
    ['忙碌', { kind: 'status', status: 'busy' }],
    ['帮助', { kind: 'help' }],
    ['/q', { kind: 'quick_reply' }],
    ['/q 2', { kind: 'quick_reply', key: '2' }],
    ['／Q  售后 说明 ', { kind: 'quick_reply', key: '售后 说明' }],
    ['OpenID', { kind: 'openid' }],
    ['@12:你好', { kind: 'to_customer', number: 12, text: '你好' }],
    ['@12：你好 呀', { kind: 'to_customer', number: 12, text: '你好 呀' }],
    ['@3 在吗', { kind: 'to_customer', number: 3, text: '在吗' }],
    ['@12:3#', { kind: 'knowledge_to_customer', number: 12, entry: '3' }],
    ['@12:网址#', { kind: 'knowledge_to_customer', number: 12, entry: '网址' }],
    ['@所有人 下班啦', { kind: 'broadcast', text: '下班啦' }],
    ['@所有人:3#', { kind: 'knowledge_broadcast', entry: '3' }],
  ])('%s', (text, expected) => {
    expect(parseAgentCommand(text)).toEqual(expected);
  });

  it('leaves everything else to the current customer, as written', () => {
    expect(parseAgentCommand('您好，请问订单号？')).toEqual({ kind: 'reply', text: '您好，请问订单号？' });
    expect(parseAgentCommand('@张三 你好')).toEqual({ kind: 'reply', text: '@张三 你好' });
    expect(parseAgentCommand('pp')).toEqual({ kind: 'reply', text: 'pp' });
  });

  it('reads 确认 as a confirmation only while a 清零 waits for one', () => {
    expect(parseAgentCommand('确认')).toEqual({ kind: 'reply', text: '确认' });
    expect(parseAgentCommand('确认', { confirming: true })).toEqual({ kind: 'confirm' });
    expect(parseAgentCommand('y', { confirming: true })).toEqual({ kind: 'confirm' });
  });
});

describe('customerIntent', () => {
  const names = ['小王', '客服小艳'];
  it.each([
    ['再见', { kind: 'leave' }],
    ['openid', { kind: 'openid' }],
    ['小王', { kind: 'call_agent', name: '小王' }],
    ['找小王', { kind: 'call_agent', name: '小王' }],
    ['客服小艳在吗？', { kind: 'call_agent', name: '客服小艳' }],
    ['小王说的不对', { kind: 'none' }],
    ['你好', { kind: 'none' }],
  ])('%s', (text, expected) => {
    expect(customerIntent(text, names)).toEqual(expected);
  });

  it('calls no name but the candidates of the text, so looking up only those is enough', () => {
    expect(nameCandidates(' 找小王在吗？ ')).toEqual(['找小王在吗？', '小王']);
    expect(nameCandidates('小王')).toEqual(['小王']);
    expect(nameCandidates('  ')).toEqual([]);
    for (const text of ['找小王', '@客服小艳！', '小王说的不对', '再见', '找 小王 在不在', '']) {
      const team = ['小王', '客服小艳', '找小王', '小王说的不对'];
      const candidates = nameCandidates(text);
      expect(
        customerIntent(
          text,
          team.filter((n) => candidates.includes(n)),
        ),
      ).toEqual(customerIntent(text, team));
    }
  });
});

describe('memory numbers', () => {
  it('gives each customer one short number and finds it back', () => {
    let memory = emptyMemory();
    const a = numberFor(memory, 'c-a');
    memory = a.memory;
    const b = numberFor(memory, 'c-b');
    memory = b.memory;
    expect([a.n, b.n, numberFor(memory, 'c-a').n]).toEqual([1, 2, 1]);
    expect(customerOfNumber(memory, 2)).toBe('c-b');
  });

  it('forgets a conversation, and the current customer with it', () => {
    const memory = { ...emptyMemory(), currentConversationId: 'k1', forwarded: { k1: 'm1', k2: 'm2' } };
    expect(forget(memory, 'k1')).toEqual({ ...emptyMemory(), forwarded: { k2: 'm2' } });
    expect(forget(memory, 'k2').currentConversationId).toBe('k1');
  });
});
