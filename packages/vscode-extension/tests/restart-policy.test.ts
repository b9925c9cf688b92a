import { describe, expect, it } from 'vitest';
import { RestartPolicy } from '../src/restart-policy.js';

describe('RestartPolicy', () => {
  it('restarts up to the limit within the window, then stops', () => {
    const policy = new RestartPolicy(3, 60_000);
    expect([policy.shouldRestart(0), policy.shouldRestart(1_000), policy.shouldRestart(2_000), policy.shouldRestart(3_000)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(policy.recentCrashes).toBe(4);
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy(2, 60_000);
    expect([policy.shouldRestart(0), policy.shouldRestart(10_000), policy.shouldRestart(65_000)]).toEqual([true, true, true]);
    expect(policy.recentCrashes).toBe(2);
  });

  it('starts counting afresh after a manual restart', () => {
    const policy = new RestartPolicy(1, 60_000);
    expect([policy.shouldRestart(0), policy.shouldRestart(1)]).toEqual([true, false]);
    policy.reset();
    expect(policy.shouldRestart(2)).toBe(true);
  });
});
