// Known answers for the open platform's authorization events. The encrypted ticket push is a real one
// published with its platform's Token and key in a peer's test (a W7 engine test, `wxapp` cloud: "xml解密"):
// Token htdf…, EncodingAESKey MrQM…, component AppID wx991ec14508b7d1e7. Its decryption is the known
// answer: it opens only with that key and receiveId and holds this ticket (the comment beside it in the
// publication shows an earlier push's ticket). The publication gave no msg_signature, so tests sign the
// Encrypt with the Token themselves.
// The plaintext events are WeChat's documented shapes as WxJava's WxOpenXmlMessage tests and the
// official doc (doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/authorize_event.html) show them.

export const TICKET_PUSH = {
  componentAppId: 'wx991ec14508b7d1e7',
  token: 'htdfYfdQPw277jTt274J7ltyRQ2BL72q',
  encodingAesKey: 'MrQMqLsKCpUxOeNd2McXN4g54WLyqrUBED7BnvxWQhB',
  encrypt:
    '3qhCNQ1S8a3Nkc+10qbtHTZf/xmPuUeT+TYGI+wwtIWSyEvkOh+WS1bE/EXi9d4Ve9nbm5lnXBcD/RO5FuNnMAuDw2vbnne8oOfpaRKpUVyToKsupvZL1krPMhmzyKt39+ueoy3XDMO5jfNJ2pjZa+S7dscFLPGFDJN3FUE61VMsUmYtAu8WE/6WGTpvkUiA9kLW8BqGA6Bo+3CmiwhZQqqLUce7MSIX7cioybafhTKTfbLfLsJjsUj5nPu1CEFgsJDMYzvatQ3RQVPap531LNHFJZMAmOAux4rIW+oEoETxgMvgkLhLhGOgzdCbsCOluobBGzngAwpb2jt3HGbZ4NtY3n+ZcD6kvIaNGdSA+lz74pp8kNAXCqpSiqPhkYqSPhawODg/X1784smsksmVYaLVEZ9CGLw+5RX7HYwhmneuTRVGwSaP1tmPRLFckwvABJgqhrb1WYVcvHhzGByNiQ==',
  ticket: 'ticket@@@f--8SYcHD9Fd7ta9h19e3wpfaubY6F5Fk64_YFJpWhFcQrv-BKXlho739wI6zenrLaPRWmzAyWZYvUUSFPojIA',
} as const;

/** WeChat's documented `unauthorized` (the shape Senparc's RequestMessageUnauthorized and WxJava parse). */
export const UNAUTHORIZED_EVENT = {
  plaintext:
    '<xml><AppId><![CDATA[wx33a29886d374e0e5]]></AppId><CreateTime>1499075237</CreateTime><InfoType><![CDATA[unauthorized]]></InfoType><AuthorizerAppid><![CDATA[wxd517bf9f1fecf729]]></AuthorizerAppid></xml>',
  componentAppId: 'wx33a29886d374e0e5',
  authorizerAppId: 'wxd517bf9f1fecf729',
} as const;

/** WeChat's documented `authorized` (authorize_event.html). */
export const AUTHORIZED_EVENT = {
  plaintext:
    '<xml><AppId><![CDATA[wx33a29886d374e0e5]]></AppId><CreateTime>1413192605</CreateTime><InfoType><![CDATA[authorized]]></InfoType><AuthorizerAppid><![CDATA[wxd517bf9f1fecf729]]></AuthorizerAppid><AuthorizationCode><![CDATA[queryauthcode@@@Jd8bBMMy3oxW]]></AuthorizationCode><AuthorizationCodeExpiredTime>1413196205</AuthorizationCodeExpiredTime><PreAuthCode><![CDATA[preauthcode@@@ZI5e0Kg6]]></PreAuthCode></xml>',
  componentAppId: 'wx33a29886d374e0e5',
  authorizerAppId: 'wxd517bf9f1fecf729',
  authorizationCode: 'queryauthcode@@@Jd8bBMMy3oxW',
} as const;
