// WeChat's media and link rules as the console says them (server/src/core/media/media-rules.ts): the API's
// refusal codes (worded for every screen by the API client, i18n/errors) and the media hints of the forms.
import { defineMessages } from '../../i18n/i18n';

export const mediaMessages = defineMessages(
  {
    unsupported_media_format:
      '微信不接受这种文件：图片须为 JPG、PNG 或 GIF（不支持 WebP），视频封面须为 JPG，语音须为 AMR 或 MP3，视频须为 MP4。',
    media_too_large: '文件超过微信的大小限制：图片 2 MB，语音 2 MB，视频 10 MB，视频封面 64 KB。',
    media_too_long: '语音超过 60 秒，微信不接受。',
    media_not_for_channel: '小程序只能发送图片，不能发送语音或视频。',
    detail: '{text}（{detail}）',
    e_description: '图文链接需要描述（微信不接受没有描述的小程序图文链接）',
    will_fail: '发送会失败',
  },
  {
    unsupported_media_format:
      'WeChat does not take this file: pictures must be JPEG, PNG or GIF (not WebP), video thumbnails JPEG, voice AMR or MP3, video MP4.',
    media_too_large: 'The file is over WeChat’s limit: pictures 2 MB, voice 2 MB, video 10 MB, video thumbnails 64 KB.',
    media_too_long: 'The voice is longer than 60 s, which WeChat does not take.',
    media_not_for_channel: 'A mini program can send pictures only, not voice or video.',
    detail: '{text} ({detail})',
    e_description: 'A link needs a description (WeChat refuses a mini program link without one)',
    will_fail: 'Will fail to send',
  },
);
