// Reading the request body ourselves, as bytes, with a cap: the signature covers the exact `Encrypt`
// string, so no body parser may touch it first (wechat-protocol.md §10).
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, MalformedBodyError } from '../wechat/inbound/errors';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLargeError(`declared ${declared} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: Error): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      // Stop collecting at once; the error handler closes the connection instead of draining the rest.
      if (size > limit) done(new BodyTooLargeError(`more than ${limit} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = (): void => done();
    const onError = (): void => done(new MalformedBodyError('request stream failed'));
    const onClose = (): void => done(new MalformedBodyError('request closed before its end'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** WeChat sends UTF-8; anything else is not a push. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new MalformedBodyError('body is not UTF-8');
  }
}
