import type { CustomerMessagePush } from './inbound-content';
import { contentOf } from './inbound-content';

const file = (fileTotalLen: string) =>
  ({
    type: 'file',
    toUserName: 'gh',
    fromUserName: 'o1',
    createTime: '1',
    msgId: '1',
    title: 'report.pdf',
    description: '12 KB',
    fileKey: 'k',
    fileMd5: 'm',
    fileTotalLen,
  }) as CustomerMessagePush;

describe('a file the customer sent', () => {
  it('keeps its name and, when WeChat said it, its size', () => {
    expect(contentOf(file('12288'))).toEqual({ type: 'file', title: 'report.pdf', fileKey: 'k', size: 12288 });
    expect(contentOf(file(''))).toEqual({ type: 'file', title: 'report.pdf', fileKey: 'k' });
    expect(contentOf(file('lots'))).toEqual({ type: 'file', title: 'report.pdf', fileKey: 'k' });
  });
});
