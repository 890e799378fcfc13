/**
 * Deterministic variation: the same input always picks the same phrasing, different inputs spread
 * over the variants. FNV-1a is enough: this is about variety, not security.
 */

/** 32-bit FNV-1a hash of a string. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Picks one variant from a list, keyed by a seed and a slot name so that slots vary independently. */
export function pickVariant<T>(variants: readonly T[], seed: number, slot: string): T {
  if (variants.length === 0) throw new Error(`no variant for slot ${slot}`);
  const index = hashText(`${seed}:${slot}`) % variants.length;
  return variants[index] as T;
}
