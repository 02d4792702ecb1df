// A picture's own signature (magic bytes), so what we store and later send is the type it claims to be.
// WeChat takes JPEG, PNG and GIF pictures for image messages and card thumbnails.

export const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/gif'] as const;
export type PictureType = (typeof PICTURE_TYPES)[number];

export function pictureTypeOf(data: Uint8Array): PictureType | undefined {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => data[i] === b)) return 'image/png';
  if (Buffer.from(data.subarray(0, 4)).toString('latin1') === 'GIF8') return 'image/gif';
  return undefined;
}
