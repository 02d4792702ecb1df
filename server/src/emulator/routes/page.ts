// A plain HTML view of what happened: apps, customers and their windows, messages sent, pushes
// delivered. Labels in Chinese and English since integrators compare it with WeChat's own console.
import { Router } from 'express';
import type { RecordEntry } from '../recorder';
import type { EmulatorState } from '../state';

function esc(v: unknown): string {
  return String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function row(cells: unknown[]): string {
  return `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
}

function table(head: string[], rows: string[]): string {
  return `<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

function entryRow(e: RecordEntry): string {
  const t = new Date(e.at).toISOString();
  if (e.type === 'api')
    return row([e.seq, t, '接口 API', e.appId ?? '', e.api, `${e.errcode} ${e.errmsg}`, JSON.stringify(e.request ?? '')]);
  if (e.type === 'component_push')
    return row([
      e.seq,
      t,
      '第三方平台推送 platform push',
      e.appId,
      e.infoType,
      e.error ?? `${e.status ?? ''} ${e.answer ?? ''}`,
      JSON.stringify(e.fields),
    ]);
  return row([e.seq, t, '推送 push', e.appId, e.openId, e.error ?? `${e.status ?? ''} ${e.response ?? ''}`, JSON.stringify(e.message)]);
}

export function renderPage(state: EmulatorState): string {
  const apps = state.apps.list().map((a) => row([a.appId, a.kind, a.originalId, a.nickName ?? '', a.pushUrl ?? '', a.mode, a.format]));
  const customers = state.customers
    .list()
    .map((c) =>
      row([
        c.appId,
        c.openId,
        c.subscribed,
        c.window ? `${c.window.remaining} left until ${new Date(c.window.expiresAt).toISOString()}` : 'closed 已关闭',
      ]),
    );
  const entries = state.recorder.list().slice(-200).reverse().map(entryRow);
  const platform = state.openPlatform.config;
  const authorizations = state.openPlatform
    .list()
    .map((a) => row([a.authorizerAppId, a.kind, a.funcIds.join(', '), new Date(a.updatedAt).toISOString()]));
  return `<!doctype html><html><head><meta charset="utf-8"><title>WeChat emulator 微信模拟器</title>
<style>body{font:14px sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;max-width:40em;word-break:break-all}th{background:#f4f4f4}</style></head><body>
<h1>WeChat emulator 微信模拟器</h1><p>Emulator time 模拟时间: ${esc(new Date(state.clock.now()).toISOString())} · JSON: <a href="/emulator/records">/emulator/records</a></p>
<h2>Apps 应用</h2>${table(['appId', 'kind', 'originalId', 'nickName', 'pushUrl', 'mode', 'format'], apps)}
<h2>Open platform 第三方平台 ${esc(platform?.componentAppId ?? '(none 未注册)')}</h2>${table(['authorizer', 'kind', 'func_info', 'authorized at'], authorizations)}
<h2>Customers 用户 (send window 客服消息窗口)</h2>${table(['appId', 'openId', 'subscribed', 'window'], customers)}
<h2>Log 记录 (newest first 最新在前)</h2>${table(['#', 'time', 'what', 'appId', 'api / openId', 'result 结果', 'body'], entries)}
</body></html>`;
}

export function pageRoutes(state: EmulatorState): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.type('html').send(renderPage(state));
  });
  return r;
}
