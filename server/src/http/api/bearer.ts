// The bearer edge: the secret of an `Authorization: Bearer …` header (RFC 6750); app/auth says whose it is.
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
