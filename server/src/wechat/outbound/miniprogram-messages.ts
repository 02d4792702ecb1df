// Customer-service message bodies for mini programs
// (miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html; wechat-protocol.md §4.2).
// Key order is part of the contract: the bodies serialise byte for byte like the official examples.

export interface MiniProgramText {
  touser: string;
  msgtype: 'text';
  text: { content: string };
}
export interface MiniProgramImage {
  touser: string;
  msgtype: 'image';
  image: { media_id: string };
}
export interface MiniProgramLink {
  touser: string;
  msgtype: 'link';
  link: { title: string; description: string; url: string; thumb_url: string };
}
export interface MiniProgramPage {
  touser: string;
  msgtype: 'miniprogrampage';
  miniprogrampage: { title: string; pagepath: string; thumb_media_id: string };
}

/** The only four types a mini program may send; anything else is answered 45162. */
export type MiniProgramMessage = MiniProgramText | MiniProgramImage | MiniProgramLink | MiniProgramPage;

export const miniProgramMessages = {
  /** `content` may embed `<a href="…" data-miniprogram-appid="…" data-miniprogram-path="…">`; the appid must be this mini program's. */
  text: (touser: string, content: string): MiniProgramText => ({ touser, msgtype: 'text', text: { content } }),

  /** `mediaId` from uploadTempMedia (type image). */
  image: (touser: string, mediaId: string): MiniProgramImage => ({ touser, msgtype: 'image', image: { media_id: mediaId } }),

  link: (touser: string, link: { title: string; description: string; url: string; thumbUrl: string }): MiniProgramLink => ({
    touser,
    msgtype: 'link',
    link: { title: link.title, description: link.description, url: link.url, thumb_url: link.thumbUrl },
  }),

  page: (touser: string, page: { title: string; pagePath: string; thumbMediaId: string }): MiniProgramPage => ({
    touser,
    msgtype: 'miniprogrampage',
    miniprogrampage: { title: page.title, pagepath: page.pagePath, thumb_media_id: page.thumbMediaId },
  }),
};
