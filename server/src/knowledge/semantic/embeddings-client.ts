// A client of the widely used OpenAI-compatible embeddings endpoint: `POST {url}` with
// `{model, input: [...]}`, answered by `{data: [{embedding, index}]}`. Vectors come back scaled to unit
// length, so a dot product is their cosine. Errors name the status, never the key.

export interface Endpoint {
  url: string;
  model: string;
  apiKey?: string;
}

export class EmbeddingError extends Error {
  override readonly name = 'EmbeddingError';
}

export type Embed = (endpoint: Endpoint, inputs: readonly string[], timeoutMs: number) => Promise<Float32Array[]>;

export const embed: Embed = async (endpoint, inputs, timeoutMs) => {
  let res: Response;
  try {
    res = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(endpoint.apiKey && { authorization: `Bearer ${endpoint.apiKey}` }) },
      body: JSON.stringify({ model: endpoint.model, input: inputs }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const why =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
        ? `no answer within ${timeoutMs} ms`
        : 'unreachable';
    throw new EmbeddingError(`embeddings endpoint ${why}`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new EmbeddingError(`embeddings endpoint answered ${res.status}`);
  }
  return parse(await res.json().catch(() => undefined), inputs.length);
};

function parse(body: unknown, count: number): Float32Array[] {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data) || data.length !== count) throw new EmbeddingError('embeddings endpoint answered an unexpected shape');
  const out: Float32Array[] = new Array(count);
  data.forEach((item: { embedding?: unknown; index?: unknown }, i) => {
    const at = typeof item?.index === 'number' ? item.index : i;
    if (!Array.isArray(item?.embedding) || at < 0 || at >= count)
      throw new EmbeddingError('embeddings endpoint answered an unexpected shape');
    out[at] = unit(item.embedding as number[]);
  });
  if (out.some((v) => v === undefined)) throw new EmbeddingError('embeddings endpoint answered an unexpected shape');
  return out;
}

function unit(values: readonly number[]): Float32Array {
  const v = Float32Array.from(values);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] as number) * (b[i] as number);
  return dot;
}
