// Whether WeChat's servers can reach a push URL: WeChat verifies the URL on submit from the public
// internet and accepts only http:// on port 80 or https:// on port 443 (docs: wechat-protocol.md, "Server
// URL verification"). A loopback or private address, another port or plain http is a problem to show
// before the admin goes to WeChat's console, not after its 「Token验证失败」.

export type PushUrlProblem =
  | { kind: 'invalid' }
  | { kind: 'loopback'; host: string }
  | { kind: 'private'; host: string }
  | { kind: 'port'; port: string }
  | { kind: 'http' };

const LOOPBACK = [/^localhost$/, /\.localhost$/, /^127\./, /^\[?::1\]?$/, /^0\.0\.0\.0$/, /^\[?::\]?$/];
const PRIVATE = [
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./, // carrier-grade NAT, 100.64.0.0/10
  /^\[?f[cd][0-9a-f]{2}:/i, // IPv6 unique local, fc00::/7
  /^\[?fe[89ab][0-9a-f]:/i, // IPv6 link local, fe80::/10
  /\.(local|internal|lan|home|corp)$/,
];

/** Every reason WeChat could not reach `url`, or refuses it; empty: a public https URL on 443. */
export function pushUrlProblems(url: string): PushUrlProblem[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [{ kind: 'invalid' }];
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return [{ kind: 'invalid' }];
  const host = u.hostname.toLowerCase();
  const problems: PushUrlProblem[] = [];
  if (LOOPBACK.some((r) => r.test(host))) problems.push({ kind: 'loopback', host });
  // A name without a dot (an intranet host name) has no public DNS entry either.
  else if (PRIVATE.some((r) => r.test(host)) || (!host.includes('.') && !host.includes(':'))) problems.push({ kind: 'private', host });
  if (u.port !== '') problems.push({ kind: 'port', port: u.port });
  if (u.protocol === 'http:') problems.push({ kind: 'http' });
  return problems;
}
