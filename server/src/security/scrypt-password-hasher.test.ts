import { burnPasswordCheck, hashPassword, verifyPassword } from './scrypt-password-hasher';

const cost = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and rejects others', async () => {
    const stored = await hashPassword('correct horse', cost);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horsf', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', cost)).not.toBe(await hashPassword('same', cost));
  });

  it('treats malformed stored hashes as a wrong password', async () => {
    for (const bad of ['', 'plain', 'scrypt$x$8$1$AA$BB', 'bcrypt$1$2$3$4$5', 'scrypt$1024$8$1$$']) {
      await expect(verifyPassword('x', bad)).resolves.toBe(false);
    }
  });

  it('burns a check for unknown users', async () => {
    await expect(burnPasswordCheck('anything', cost)).resolves.toBe(false);
  });
});
