// Defaults for routing settings, and how channel, merchant and group levels combine.
import type { RoutingMessages, RoutingSettings, RoutingSettingsPatch, SettingsLanguage } from './routing-settings';

export const DEFAULT_MESSAGES: Record<SettingsLanguage, RoutingMessages> = {
  'zh-CN': {
    queuePosition: '当前客服繁忙，您排在第 {position} 位，请稍候。',
    queueFull: '当前咨询人数较多，排队已满，请稍后再试，或直接留言，我们会尽快回复您。',
    assigned: '客服 {agent} 为您服务，请问有什么可以帮您？',
    offHours: '您好，现在是非工作时间，客服暂时无法接待。',
    nobodyAvailable: '您好，客服暂时都不在线。',
    leaveMessagePrompt: '请直接留言，我们会在工作时间尽快回复您。',
    leaveMessageReceived: '您的留言已收到，我们会尽快回复您。',
    silenceWarning: '您已经有一段时间没有回复，{minutes} 分钟后本次会话将自动结束。',
    sessionClosing: '本次会话已结束，感谢您的咨询，祝您生活愉快！',
    robotNoAnswer: '抱歉，我没有理解您的问题。回复“人工”可以转接人工客服。',
    robotOnlyNoAnswer: '抱歉，我没有理解您的问题，请换个说法试试。',
    merchantAnnouncement: '您正在咨询：{merchant}',
    welcome: '您好，欢迎咨询！',
    previousAgent: '上次为您服务的是客服「{agent}」，发送「{agent}」可直接找 TA。',
    transferredToAgent: '已为您转接客服 {agent}。',
    transferred: '正在为您转接其他客服，请稍候。',
    csatRequest: '请为本次服务打分：回复数字 1-5（5 = 非常满意，1 = 非常不满意），也可以在数字后写下您的意见。',
    csatThanks: '感谢您的评价！',
  },
  en: {
    queuePosition: 'All our agents are busy. You are number {position} in the queue; please hold on.',
    queueFull: 'Too many customers are waiting right now. Please try again later, or leave us a message.',
    assigned: '{agent} is here to help you. What can I do for you?',
    offHours: 'Hello, we are outside our working hours and no agent can answer right now.',
    nobodyAvailable: 'Hello, no agent is available right now.',
    leaveMessagePrompt: 'Please leave us a message and we will get back to you during working hours.',
    leaveMessageReceived: 'We have received your message and will reply as soon as we can.',
    silenceWarning: 'We have not heard from you for a while; this conversation will end in {minutes} minutes.',
    sessionClosing: 'This conversation has ended. Thank you for contacting us!',
    robotNoAnswer: 'Sorry, I did not understand. Reply "human" to talk to an agent.',
    robotOnlyNoAnswer: 'Sorry, I did not understand. Could you put it another way?',
    merchantAnnouncement: 'You are now talking to: {merchant}',
    welcome: 'Hello, welcome!',
    previousAgent: 'Last time you were helped by {agent}; send "{agent}" to reach them directly.',
    transferredToAgent: 'You have been transferred to {agent}.',
    transferred: 'We are transferring you to another agent; please hold on.',
    csatRequest: 'How did we do? Reply with a number from 1 to 5 (5 = very satisfied), and a comment after it if you like.',
    csatThanks: 'Thank you for your rating!',
  },
};

export const DEFAULT_TRANSFER_KEYWORDS: readonly string[] = ['转人工', '人工客服', '人工', 'human', 'agent'];

export function defaultSettings(language: SettingsLanguage = 'zh-CN'): RoutingSettings {
  return {
    receptionMode: 'agents_only',
    transferKeywords: [...DEFAULT_TRANSFER_KEYWORDS],
    robotWhileQueued: true,
    callAgentByName: true,
    assignment: 'least_loaded',
    lastAgentMode: true,
    maxQueueLength: 50,
    queueTimeoutMinutes: 15,
    queueClosesWithWorkTime: true,
    announceAssignment: true,
    announceQueuePosition: true,
    customerSilenceMinutes: 10,
    silenceWarningMinutes: 2,
    agentNoReplyMinutes: 5,
    robotIdleMinutes: 30,
    onAgentOffline: 'reassign',
    quotaReservedForAgents: 2,
    sendWelcome: true,
    announcePreviousAgent: false,
    colleaguesConversations: 'read_only',
    csat: 'off',
    language,
    messages: { ...DEFAULT_MESSAGES[language] },
  };
}

/**
 * Channel defaults, then the merchant's, then the group's; later levels win field by field. A level that
 * switches the language without its own texts gets that language's default texts.
 */
export function resolveSettings(...levels: ReadonlyArray<RoutingSettingsPatch | undefined>): RoutingSettings {
  const language = levels.reduce<SettingsLanguage>((lang, level) => level?.language ?? lang, 'zh-CN');
  let result = defaultSettings(language);
  for (const level of levels) {
    if (!level) continue;
    const { messages, ...rest } = level;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    result = { ...result, ...defined, messages: { ...result.messages, ...definedOnly(messages) } };
  }
  return result;
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
