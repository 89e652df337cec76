import { FollowTracker } from './follow-tracker';

describe('FollowTracker', () => {
  it('given read models at the head, they follow however long nothing happens', () => {
    const t = new FollowTracker(10_000);
    expect(t.observe(0, 50, 50).following).toBe(true);
    expect(t.observe(60_000, 50, 50)).toEqual({ lag: 0, applied: 50, stalledForMs: 0, following: true });
  });

  it('given read models behind but moving, they follow', () => {
    const t = new FollowTracker(10_000);
    t.observe(0, 100, 10);
    t.observe(9_000, 200, 20);
    expect(t.observe(18_000, 300, 30)).toEqual({ lag: 270, applied: 30, stalledForMs: 0, following: true });
  });

  it('given read models behind and not moving for the bound, they no longer follow; once they move, they do again', () => {
    const t = new FollowTracker(10_000);
    t.observe(0, 100, 40);
    expect(t.observe(9_999, 120, 40).following).toBe(true);
    expect(t.observe(10_000, 130, 40)).toEqual({ lag: 90, applied: 40, stalledForMs: 10_000, following: false });
    expect(t.observe(11_000, 130, 41).following).toBe(true);
  });

  it('given a stall that ends by catching up, the lag is 0 and the clock starts again', () => {
    const t = new FollowTracker(5_000);
    t.observe(0, 10, 5);
    expect(t.observe(6_000, 10, 5).following).toBe(false);
    expect(t.observe(7_000, 10, 10).following).toBe(true);
    expect(t.observe(20_000, 12, 10).following).toBe(true); // behind again: a new clock from 20 s
    expect(t.observe(25_000, 12, 10).following).toBe(false);
  });
});
