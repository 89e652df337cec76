import fc from 'fast-check';
import { PresenceFilter } from './presence-filter';

describe('PresenceFilter', () => {
  it('never says "absent" of what was added', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string(), fc.string()), { maxLength: 200 }), fc.nat(300), (entries, expected) => {
        const filter = new PresenceFilter(expected);
        for (const [document, scope, key] of entries) {
          if (document) filter.addDocument(scope, key);
          else filter.addStream(scope, key);
        }
        for (const [document, scope, key] of entries) expect(document ? filter.mayHaveDocument(scope, key) : filter.mayHaveStream(scope, key)).toBe(true);
      }),
    );
  });

  it('says "absent" of nearly everything else at its expected size: about 1% false positives', () => {
    const filter = new PresenceFilter(100_000);
    for (let i = 0; i < 50_000; i++) {
      filter.addDocument('incidents__next', `doc-${i}`);
      filter.addStream('incidents__next', `incident-${i}`);
    }
    let maybe = 0;
    for (let i = 50_000; i < 150_000; i++) if (filter.mayHaveDocument('incidents__next', `doc-${i}`)) maybe++;
    expect(maybe / 100_000).toBeLessThan(0.02);
  });

  it('keeps documents and streams, and scopes and keys, apart', () => {
    const filter = new PresenceFilter(10);
    filter.addDocument('alerts', 'a1');
    filter.addStream('alerts', 'alert-a1');
    expect(filter.mayHaveStream('alerts', 'a1')).toBe(false);
    expect(filter.mayHaveDocument('alerts', 'alert-a1')).toBe(false);
    expect(filter.mayHaveDocument('incidents', 'a1')).toBe(false);
    expect(filter.mayHaveDocument('alert', 'sa1')).toBe(false);
  });

  it('stays correct far beyond its expected size, only less selective', () => {
    const filter = new PresenceFilter(1);
    for (let i = 0; i < 20_000; i++) filter.addDocument('c', `k${i}`);
    for (let i = 0; i < 20_000; i++) expect(filter.mayHaveDocument('c', `k${i}`)).toBe(true);
  });
});
