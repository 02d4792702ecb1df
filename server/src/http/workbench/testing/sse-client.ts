// Test support (no tests here): reads a Server-Sent Events stream over real HTTP with fetch, the way
// EventSource would, and keeps every event and comment it saw.
export interface SseEvent {
  event: string;
  data: unknown;
  at: number;
}

export interface SseClient {
  status: number;
  headers: Headers;
  events: SseEvent[];
  /** Raw text received so far (comments and retry hints included). */
  raw(): string;
  /** Resolves with the first event (already seen or to come) that matches, or rejects after `ms`. */
  next(match: (e: SseEvent) => boolean, ms?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function parseFrame(frame: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  return data.length ? { event, data: JSON.parse(data.join('\n')), at: Date.now() } : undefined;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  let text = '';
  let buffer = '';
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) {
        const piece = decoder.decode(chunk as Uint8Array, { stream: true });
        text += piece;
        buffer += piece;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const e = parseFrame(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          if (e) events.push(e);
        }
        for (const w of waiters) w();
      }
    } catch {
      // aborted by close()
    }
  })();
  const next = (match: (e: SseEvent) => boolean, ms = 2000) =>
    new Promise<SseEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(
        () => (cleanup(), reject(new Error(`no matching event in ${ms} ms; saw ${events.map((e) => e.event).join(', ')}`))),
        ms,
      );
      const cleanup = () => (clearTimeout(timer), waiters.delete(check));
      waiters.add(check);
      check();
    });
  return { status: res.status, headers: res.headers, events, raw: () => text, next, ended, close: () => abort.abort() };
}
