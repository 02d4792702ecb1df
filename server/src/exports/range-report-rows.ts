// The range report as CSV rows: one per local day and a total row, or one per agent. Times are seconds
// (one decimal) so a spreadsheet sums and averages them; the header is English or Simplified Chinese.
import type { Summary } from '../core/reports/day-figures';
import type { AgentFigures, RangeFigures } from '../core/reports/range-figures';
import type { Cell } from './csv';

export type ReportLang = 'en' | 'zh';

type Column<T> = { en: string; zh: string; cell: (row: T) => Cell };

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
const times = <T>(name: string, zh: string, pick: (row: T) => Summary): Column<T>[] => [
  { en: `${name}_avg_s`, zh: `${zh}平均(秒)`, cell: (r) => seconds(pick(r).avg) },
  { en: `${name}_p50_s`, zh: `${zh}中位数(秒)`, cell: (r) => seconds(pick(r).p50) },
  { en: `${name}_p90_s`, zh: `${zh}P90(秒)`, cell: (r) => seconds(pick(r).p90) },
];

type DayRow = RangeFigures & { date: string };

const DAY_COLUMNS: Column<DayRow>[] = [
  { en: 'date', zh: '日期', cell: (r) => r.date },
  { en: 'conversations', zh: '会话数', cell: (r) => r.conversations },
  { en: 'robot_only', zh: '仅机器人接待', cell: (r) => r.robotOnly },
  { en: 'by_person', zh: '人工接待', cell: (r) => r.byPerson },
  { en: 'first_responses', zh: '首次响应数', cell: (r) => r.firstResponseMs.count },
  ...times<DayRow>('first_response', '首次响应', (r) => r.firstResponseMs),
  ...times<DayRow>('wait', '排队等待', (r) => r.waitMs),
  ...times<DayRow>('handling', '处理时长', (r) => r.handlingMs),
  { en: 'ended_by_agent', zh: '客服结束', cell: (r) => r.endReasons.agent_ended },
  { en: 'ended_customer_left', zh: '客户离开', cell: (r) => r.endReasons.customer_left },
  { en: 'ended_customer_silent', zh: '客户无应答', cell: (r) => r.endReasons.customer_silent },
  { en: 'ended_robot_idle', zh: '机器人会话超时', cell: (r) => r.endReasons.robot_idle },
  { en: 'ended_by_admin', zh: '管理员结束', cell: (r) => r.endReasons.admin_ended },
  { en: 'left_messages', zh: '留言', cell: (r) => r.leftMessages.count },
  { en: 'left_answered', zh: '已回复留言', cell: (r) => r.leftMessages.answered },
  { en: 'left_answer_avg_s', zh: '留言回复平均(秒)', cell: (r) => seconds(r.leftMessages.answerMs.avg) },
  { en: 'transfers', zh: '转接次数', cell: (r) => r.transfers.steps },
  { en: 'transferred_conversations', zh: '有转接的会话', cell: (r) => r.transfers.conversations },
  { en: 'csat_rated', zh: '满意度评价数', cell: (r) => r.csat.rated },
  { en: 'csat_average', zh: '满意度平均', cell: (r) => r.csat.average },
  ...[1, 2, 3, 4, 5].map((n): Column<DayRow> => ({ en: `csat_${n}`, zh: `${n}分`, cell: (r) => r.csat.ratings[n - 1] })),
  { en: 'window_refusals', zh: '窗口期拒发', cell: (r) => r.windowRefusals },
];

type AgentRow = AgentFigures & { name?: string };

const AGENT_COLUMNS: Column<AgentRow>[] = [
  { en: 'agent_id', zh: '客服ID', cell: (r) => r.agentId },
  { en: 'agent_name', zh: '客服', cell: (r) => r.name },
  { en: 'conversations', zh: '会话数', cell: (r) => r.conversations },
  { en: 'first_responses', zh: '首次响应数', cell: (r) => r.firstResponseMs.count },
  ...times<AgentRow>('first_response', '首次响应', (r) => r.firstResponseMs),
  ...times<AgentRow>('handling', '处理时长', (r) => r.handlingMs),
  { en: 'csat_rated', zh: '满意度评价数', cell: (r) => r.csat.rated },
  { en: 'csat_average', zh: '满意度平均', cell: (r) => r.csat.average },
];

export const TOTAL_LABEL: Record<ReportLang, string> = { en: 'total', zh: '合计' };

export function dayTable(days: readonly DayRow[], totals: RangeFigures, lang: ReportLang): { header: string[]; rows: Cell[][] } {
  const all = [...days, { ...totals, date: TOTAL_LABEL[lang] }];
  return { header: DAY_COLUMNS.map((c) => c[lang]), rows: all.map((r) => DAY_COLUMNS.map((c) => c.cell(r))) };
}

export function agentTable(agents: readonly AgentRow[], lang: ReportLang): { header: string[]; rows: Cell[][] } {
  return { header: AGENT_COLUMNS.map((c) => c[lang]), rows: agents.map((r) => AGENT_COLUMNS.map((c) => c.cell(r))) };
}
