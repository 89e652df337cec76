/**
 * What a store may hold, for a runner that is the only writer of its read models (a
 * rebuild's shadows): a Bloom filter of the documents and stream versions written, seeded
 * with what the store held when it was made. `mayHave` false means certainly absent, so the
 * runner need not ask the store; true means perhaps (about 1% false positives at the
 * expected size, more beyond it), so it asks. Answers never depend on the filter's size,
 * only the number of reads saved does, and its memory is fixed at construction: it does
 * not grow with the batches or the store.
 */
export class PresenceFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  /** `expected`: roughly how many entries will be added (documents plus streams). */
  constructor(expected: number) {
    // ~10 bits per entry with 7 probes: ~1% false positives. A power of two, so a mask picks
    // the bit; at most 16 MB, enough for ~13 million entries (beyond, only more false positives).
    let size = 1 << 16;
    while (size < expected * 10 && size < 1 << 27) size *= 2;
    this.bits = new Int32Array(size / 32);
    this.mask = size - 1;
  }

  addDocument(collection: string, key: string): void {
    this.add(DOCUMENT, collection, key);
  }

  mayHaveDocument(collection: string, key: string): boolean {
    return this.mayHave(DOCUMENT, collection, key);
  }

  addStream(projection: string, streamId: string): void {
    this.add(STREAM, projection, streamId);
  }

  mayHaveStream(projection: string, streamId: string): boolean {
    return this.mayHave(STREAM, projection, streamId);
  }

  private add(kind: number, scope: string, key: string): void {
    hash(kind, scope, key);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  private mayHave(kind: number, scope: string, key: string): boolean {
    hash(kind, scope, key);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

const PROBES = 7;
const DOCUMENT = 1;
const STREAM = 2;

// The two hashes being computed: no allocation per lookup (millions in a rebuild).
let h1 = 0;
let h2 = 0;

const mix = (s: string): void => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  // A separator, so that ("ab", "c") and ("a", "bc") differ.
  h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
  h2 = Math.imul(h2 ^ 0xffff, 0x5bd1e995);
};

/** Two independent 32-bit hashes (FNV-1a and a murmur-style mix) of kind, scope and key, for double hashing. */
const hash = (kind: number, scope: string, key: string): void => {
  h1 = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  h2 = Math.imul(0x9747b28c ^ kind, 0x5bd1e995);
  mix(scope);
  mix(key);
  h1 >>>= 0;
  // An odd step visits distinct bits of a power-of-two table.
  h2 = (h2 | 1) >>> 0;
};
