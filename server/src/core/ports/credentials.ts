// Ports: the cryptography behind logins and bearer tokens. The application decides when to hash, check
// or mint; adapters (security/) decide how (scrypt, SHA-256, the system's random source).

/** Passwords, kept only as slow salted hashes. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed stored hash alike. */
  verify(password: string, stored: string): Promise<boolean>;
  /**
   * Spends the time of a real check and answers false: used for usernames that do not exist, so response
   * times do not tell which usernames do.
   */
  burn(password: string): Promise<false>;
}

/** Bearer secrets (API tokens, session tokens): high-entropy, shown once, kept as a fast hash. */
export interface SecretMinter {
  /** A new secret starting with `prefix`. */
  mint(prefix: string): string;
  /** What is stored and looked up instead of the secret. */
  hash(secret: string): string;
}
