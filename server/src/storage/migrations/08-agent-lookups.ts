// Migration step 8: the push path looks agents up by what lives in their JSON `data` column — the WeChat
// openid (is the sender an agent at work?) and the name (is a customer calling one?) — instead of
// listing the whole channel for every message. Expression indexes: the queries in
// storage/sqlite-scoped-records.ts spell each expression exactly as here, or SQLite does not use the index.
export const agentLookupsSchema = `
-- findByWechatOpenid: only agents bound to a WeChat openid are indexed
CREATE INDEX agents_by_wechat_openid ON agents (channel_id, json_extract(data, '$.wechatOpenid'), id)
  WHERE json_extract(data, '$.wechatOpenid') IS NOT NULL;
-- listByNames
CREATE INDEX agents_by_name ON agents (channel_id, merchant_id, json_extract(data, '$.name'), id);
`;
