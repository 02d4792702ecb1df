// WeChat's own worked examples, used as known answers by the inbound tests and the push client's tests.
// Source: https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
// (copied verbatim in the peer test thkhxm/tgf-platform wechat/webhook_test.go@54cb0abc; see wechat-protocol.md §1, §2).

export const URL_VERIFICATION = {
  token: 'AAAAA',
  timestamp: '1714036504',
  nonce: '1514711492',
  signature: 'f464b24fc39322e44b38aa78f5edd27bd1441696',
  echostr: '4375120948345356249',
} as const;

export const PLAINTEXT_JSON_PUSH = {
  token: 'AAAAA',
  signature: '899cf89e464efb63f54ddac96b0a0a235f53aa78',
  timestamp: '1714037059',
  nonce: '486452656',
  body: '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714037059,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}',
} as const;

export const SECURE_JSON_PUSH = {
  token: 'AAAAA',
  encodingAesKey: 'A'.repeat(43),
  appId: 'wxba5fad812f8e6fb9',
  originalId: 'gh_97417a04a28d',
  signature: '6c5c811b55cc85e0e1b54100749188c20beb3f5d',
  msgSignature: '046e02f8204d34f8ba5fa3b1db94908f3df2e9b3',
  timestamp: '1714112445',
  nonce: '415670741',
  openid: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
  encrypt:
    '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=',
  random: 'a8eedb185eb2fecf',
  plaintext:
    '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}',
} as const;

/** The encrypted JSON passive reply; the doc fixes the random prefix so the ciphertext is reproducible. */
export const ENCRYPTED_JSON_REPLY = {
  token: 'AAAAA',
  encodingAesKey: 'A'.repeat(43),
  appId: 'wxba5fad812f8e6fb9',
  random: '707722b803182950',
  timestamp: 1713424427,
  nonce: '415670741',
  plaintext: '{"demo_resp":"good luck"}',
  body: '{"Encrypt":"ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==","MsgSignature":"1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1","TimeStamp":1713424427,"Nonce":"415670741"}',
} as const;
