import { describe, expect, it } from 'vitest';
import { boatRaceLab, plan, type PlanSettings } from '../../src/lab/boat-race.ts';

const settings = (over: Partial<PlanSettings>): PlanSettings => ({
  targetPoints: 0,
  finishPoints: 1,
  horizon: 10,
  respawn: 1,
  discount: 0.98,
  ...over,
});

describe('the boat-race planner', () => {
  it('races straight to the finish on a bare track', () => {
    const p = plan(['S..F'], settings({}));
    expect(p.path).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(p.finishedAt).toBe(3);
    expect(p.points).toBe(1);
  });

  it('bounces on a target worth more than the finish: 5 hits in 10 steps, never finishing', () => {
    // From S, the target is one step left; it is back two steps after a hit, so in-out-in pays every other step.
    const p = plan(['TS..F'], settings({ targetPoints: 5, finishPoints: 1 }));
    expect(p.finishedAt).toBeNull();
    expect(p.targetsHit).toBe(5);
    expect(p.points).toBe(25);
    expect(p.path.slice(0, 4)).toEqual([
      [0, 1],
      [0, 0],
      [0, 1],
      [0, 0],
    ]);
  });

  it('takes the target on the way and then finishes when the finish is worth more than staying', () => {
    const p = plan(['TS..F'], settings({ targetPoints: 1, finishPoints: 20, horizon: 6 }));
    expect(p.finishedAt).toBe(5);
    expect(p.targetsHit).toBe(1);
    expect(p.points).toBe(21);
  });

  it('on the race course, circles the lagoon with the default points and finishes when targets pay nothing', () => {
    const circling = boatRaceLab.run({}, 1);
    expect(circling.finishedAt).toBeNull();
    expect(circling.targetsHit).toBeGreaterThan(10);
    const racing = boatRaceLab.run({ 'target-points': 0 }, 1);
    expect(racing.finishedAt).toBe(9);
    expect(boatRaceLab.chart(racing, { width: 80, ascii: true })[1]).toContain(
      'Raced straight to the finish',
    );
  });
});
