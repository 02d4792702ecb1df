import { DEFAULT_MESSAGES, defaultSettings, resolveSettings } from './default-settings';

describe('settings', () => {
  it('defaults: agents only, the five keywords, least loaded, Chinese texts', () => {
    const s = defaultSettings();
    expect(s.receptionMode).toBe('agents_only');
    expect(s.transferKeywords).toEqual(['转人工', '人工客服', '人工', 'human', 'agent']);
    expect(s.assignment).toBe('least_loaded');
    expect(s.messages).toEqual(DEFAULT_MESSAGES['zh-CN']);
  });

  it('every text exists in Chinese and English', () => {
    expect(Object.keys(DEFAULT_MESSAGES.en).sort()).toEqual(Object.keys(DEFAULT_MESSAGES['zh-CN']).sort());
    for (const text of Object.values(DEFAULT_MESSAGES.en)) expect(text).not.toBe('');
  });

  it('channel, merchant, group: later levels win field by field', () => {
    const s = resolveSettings(
      { maxQueueLength: 5, messages: { offHours: 'closed' } },
      { queueTimeoutMinutes: 3 },
      { maxQueueLength: 1, assignment: 'round_robin' },
    );
    expect(s).toMatchObject({ maxQueueLength: 1, queueTimeoutMinutes: 3, assignment: 'round_robin' });
    expect(s.messages.offHours).toBe('closed');
    expect(s.messages.sessionClosing).toBe(DEFAULT_MESSAGES['zh-CN'].sessionClosing);
  });

  it('a level switching to English gets English defaults, keeping texts set explicitly', () => {
    const s = resolveSettings({ messages: { offHours: 'custom' } }, { language: 'en' });
    expect(s.messages.sessionClosing).toBe(DEFAULT_MESSAGES.en.sessionClosing);
    expect(s.messages.offHours).toBe('custom');
  });

  it('undefined fields in a level do not erase earlier ones', () => {
    expect(resolveSettings({ maxQueueLength: 7 }, { maxQueueLength: undefined }).maxQueueLength).toBe(7);
  });
});
