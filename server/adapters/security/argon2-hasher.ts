/** argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1); runs on libuv's thread pool, off the event loop. */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2 (a const enum, which isolated modules cannot import).
const ARGON2ID = 2;

import type { PasswordHasher } from '../../ports/security';

export interface Argon2Parameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const DEFAULT_ARGON2: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function createArgon2Hasher(
  parameters: Argon2Parameters = DEFAULT_ARGON2,
): Promise<PasswordHasher> {
  const options = { algorithm: ARGON2ID, ...parameters };
  const dummyHash = await hash(randomBytes(16).toString('hex'), options);
  return {
    hash: (password) => hash(password, options),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    needsRehash(stored) {
      const match = /^\$argon2(id|i|d)\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
      if (!match) return true;
      return (
        match[1] !== 'id' ||
        Number(match[2]) < parameters.memoryCost ||
        Number(match[3]) < parameters.timeCost ||
        Number(match[4]) < parameters.parallelism
      );
    },
    async verifyDummy(password) {
      await verify(dummyHash, password).catch(() => false);
    },
  };
}
