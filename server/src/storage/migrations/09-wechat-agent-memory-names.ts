// Migration step 9: what the server remembers about an agent who answers from their own WeChat (kept in
// the agents' JSON `data` column) gets plain names: `wechatDesk` becomes `wechatMemory`, and inside it
// `lineId` becomes `agentConversationId` and `relayed` becomes `forwarded`. Agents without it are not
// touched. The inner keys move first, while they still sit under the old key. `->` hands json_set the
// value as JSON (an object stays an object, a string a string); json_extract would hand it text, which
// json_set stores as a quoted string.
export const wechatAgentMemoryNamesSchema = `
UPDATE agents SET data = json_remove(json_set(data, '$.wechatDesk.agentConversationId', data -> '$.wechatDesk.lineId'), '$.wechatDesk.lineId')
  WHERE json_type(data, '$.wechatDesk.lineId') IS NOT NULL;
UPDATE agents SET data = json_remove(json_set(data, '$.wechatDesk.forwarded', data -> '$.wechatDesk.relayed'), '$.wechatDesk.relayed')
  WHERE json_type(data, '$.wechatDesk.relayed') IS NOT NULL;
UPDATE agents SET data = json_remove(json_set(data, '$.wechatMemory', data -> '$.wechatDesk'), '$.wechatDesk')
  WHERE json_type(data, '$.wechatDesk') IS NOT NULL;
`;
