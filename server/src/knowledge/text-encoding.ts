// The text of an imported file, whatever Excel wrote it in: UTF-8 (with or without a BOM, "CSV UTF-8")
// or GBK/GB18030 (plain "CSV" on a Chinese Windows). What decodes as neither is refused, so that no
// mojibake is stored as entries. Strict UTF-8 comes first: GBK text is almost never valid UTF-8, while
// GB18030 decodes nearly any bytes, so its result must also look like text.
import iconv from 'iconv-lite';
import { ImportError } from './entry-codec';

export type ImportEncoding = 'utf-8' | 'gb18030';

/** Controls other than tab and line breaks, private-use characters (GB18030's user areas) and U+FFFD. */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD]/u;

export function decodeImportBytes(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new ImportError(['the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or plain CSV']);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) {
    const text = utf8.startsWith('\uFEFF') ? utf8.slice(1) : utf8;
    if (/[\u0000\uFFFD]/.test(text)) throw notText();
    return { text, encoding: 'utf-8' };
  }
  const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', { stripBOM: true });
  if (NOT_TEXT.test(gb)) throw notText();
  return { text: gb, encoding: 'gb18030' };
}

/** Text that arrived already decoded (JSON bodies): refused when the decoding that made it lost characters. */
export function checkImportText(text: string): string {
  if (text.includes('\uFFFD')) throw notText();
  return text;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM keeps the BOM in the text, so it is removed once, here, whoever wrote it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const notText = () =>
  new ImportError([
    'the file is neither UTF-8 nor GBK/GB18030 text (or holds characters that could not be read); save it from Excel as "CSV UTF-8" and import it again',
  ]);
