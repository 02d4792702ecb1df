import iconv from 'iconv-lite';
import { exportQuickRepliesCsv, importQuickRepliesCsv } from './quick-reply-csv';

const replies = [
  { title: '问候', text: '您好 [name]，{br}有什么可以帮您？' },
  { title: '=公式', text: '第一行\n"引号", 逗号', picture: 'media:p1' },
  { title: '卡片', text: '', card: { title: '订单', pagePath: 'pages/o?id=1', thumbMedia: 'media:t1', appId: 'wx1234567890abcdef' } },
];

describe('quick replies as CSV', () => {
  it('exports and imports back exactly, formulas guarded', () => {
    const csv = exportQuickRepliesCsv(replies);
    expect(csv).toContain("'=公式");
    expect(importQuickRepliesCsv(csv)).toEqual(replies);
    expect(exportQuickRepliesCsv(importQuickRepliesCsv(csv))).toBe(csv);
  });

  it('reads a GBK file as Excel writes it on a Chinese Windows, and UTF-8 bytes', () => {
    const csv = exportQuickRepliesCsv(replies.slice(0, 1)).slice(1);
    expect(importQuickRepliesCsv(iconv.encode(csv, 'gbk'))).toEqual(replies.slice(0, 1));
    expect(importQuickRepliesCsv(new TextEncoder().encode(csv))).toEqual(replies.slice(0, 1));
  });

  it('refuses a file without the header, an unknown column, half a card or a picture that is not stored media', () => {
    expect(() => importQuickRepliesCsv('a,b\r\n1,2\r\n')).toThrow(/first row/);
    expect(() => importQuickRepliesCsv('title,text,colour\r\na,b,c\r\n')).toThrow(/unknown columns: colour/);
    expect(() => importQuickRepliesCsv('title,text,cardTitle\r\na,b,c\r\n')).toThrow(/row 2: a card needs/);
    expect(() => importQuickRepliesCsv('title,text,picture\r\na,b,http://x/y.png\r\n')).toThrow(/row 2.picture/);
  });
});
