// Customer-service message bodies for official accounts
// (doc/offiaccount/Customer_Service/Customer_Service_Messages.html; wechat-protocol.md §4.3).
// Key order follows the official examples; `customservice` (send as a given agent) comes last.

export interface SendOptions {
  /** "prefix@wechatid" of the agent shown as the sender. */
  kfAccount?: string;
}

export interface NewsArticle {
  title: string;
  description?: string;
  url: string;
  picUrl?: string;
}

type Payloads = {
  text: { content: string };
  image: { media_id: string };
  voice: { media_id: string };
  video: { media_id: string; thumb_media_id: string; title?: string; description?: string };
  music: { title?: string; description?: string; musicurl: string; hqmusicurl: string; thumb_media_id: string };
  news: { articles: Array<{ title: string; description?: string; url: string; picurl?: string }> };
  mpnews: { media_id: string };
  mpnewsarticle: { article_id: string };
  msgmenu: { head_content: string; list: Array<{ id: string; content: string }>; tail_content: string };
  wxcard: { card_id: string; card_ext?: string };
  miniprogrampage: { title: string; appid: string; pagepath: string; thumb_media_id: string };
};

export type OfficialAccountMessageType = keyof Payloads;

/** `{touser, msgtype, [msgtype]: payload, customservice?}` for each type. */
export type OfficialAccountMessage = {
  [K in OfficialAccountMessageType]: { touser: string; msgtype: K; customservice?: { kf_account: string } } & { [P in K]: Payloads[K] };
}[OfficialAccountMessageType];

function build<K extends OfficialAccountMessageType>(
  touser: string,
  msgtype: K,
  payload: Payloads[K],
  opts: SendOptions,
): OfficialAccountMessage {
  const body: Record<string, unknown> = { touser, msgtype, [msgtype]: payload };
  if (opts.kfAccount !== undefined) body.customservice = { kf_account: opts.kfAccount };
  return body as OfficialAccountMessage;
}

export const officialAccountMessages = {
  text: (touser: string, content: string, opts: SendOptions = {}) => build(touser, 'text', { content }, opts),
  image: (touser: string, mediaId: string, opts: SendOptions = {}) => build(touser, 'image', { media_id: mediaId }, opts),
  voice: (touser: string, mediaId: string, opts: SendOptions = {}) => build(touser, 'voice', { media_id: mediaId }, opts),

  video: (touser: string, v: { mediaId: string; thumbMediaId: string; title?: string; description?: string }, opts: SendOptions = {}) =>
    build(touser, 'video', { media_id: v.mediaId, thumb_media_id: v.thumbMediaId, title: v.title, description: v.description }, opts),

  music: (
    touser: string,
    m: { title?: string; description?: string; musicUrl: string; hqMusicUrl: string; thumbMediaId: string },
    opts: SendOptions = {},
  ) =>
    build(
      touser,
      'music',
      { title: m.title, description: m.description, musicurl: m.musicUrl, hqmusicurl: m.hqMusicUrl, thumb_media_id: m.thumbMediaId },
      opts,
    ),

  /** WeChat now accepts one article (more: 45008); the list is kept so the caller sees the real shape. */
  news: (touser: string, articles: NewsArticle[], opts: SendOptions = {}) =>
    build(
      touser,
      'news',
      { articles: articles.map((a) => ({ title: a.title, description: a.description, url: a.url, picurl: a.picUrl })) },
      opts,
    ),

  mpnews: (touser: string, mediaId: string, opts: SendOptions = {}) => build(touser, 'mpnews', { media_id: mediaId }, opts),
  mpnewsArticle: (touser: string, articleId: string, opts: SendOptions = {}) =>
    build(touser, 'mpnewsarticle', { article_id: articleId }, opts),

  /** A tap on an option comes back as a text message whose bizmsgmenuid is the option's id. */
  msgmenu: (touser: string, m: { head: string; options: Array<{ id: string; content: string }>; tail: string }, opts: SendOptions = {}) =>
    build(
      touser,
      'msgmenu',
      { head_content: m.head, list: m.options.map((o) => ({ id: o.id, content: o.content })), tail_content: m.tail },
      opts,
    ),

  wxcard: (touser: string, cardId: string, opts: SendOptions & { cardExt?: string } = {}) =>
    build(touser, 'wxcard', { card_id: cardId, card_ext: opts.cardExt }, opts),

  /** The mini program must be linked to the official account. */
  miniProgramPage: (touser: string, p: { title: string; appId: string; pagePath: string; thumbMediaId: string }, opts: SendOptions = {}) =>
    build(touser, 'miniprogrampage', { title: p.title, appid: p.appId, pagepath: p.pagePath, thumb_media_id: p.thumbMediaId }, opts),
};
