import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). The algorithm and
 * parameters travel inside the PHC string, so they can be raised later without a migration.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so a missing account does not answer faster.
    await verify(DUMMY_HASH, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Hash of a random string no one knows, used only to equalise timing.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Wk0i2k7YbYqf6b1X2Sx0o2m0r6V3JXw5C6gK2m0x1Ys';
