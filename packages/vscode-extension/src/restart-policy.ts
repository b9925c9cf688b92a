// How often a crashed server is restarted: up to `limit` restarts within a sliding `windowMs`, then the
// extension stops trying (a server that dies on every start would otherwise loop forever and flood the log).
// Pure, so the limit is unit-tested without VS Code.

export const DEFAULT_RESTART_LIMIT = 4;
export const DEFAULT_RESTART_WINDOW_MS = 3 * 60_000;

export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(
    readonly limit = DEFAULT_RESTART_LIMIT,
    readonly windowMs = DEFAULT_RESTART_WINDOW_MS,
  ) {}

  /** Records a crash at `now`; true when the server should be started again. */
  shouldRestart(now: number): boolean {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > this.windowMs) this.crashes.shift();
    return this.crashes.length <= this.limit;
  }

  /** A manual restart (the command) starts counting afresh. */
  reset(): void {
    this.crashes.length = 0;
  }

  get recentCrashes(): number {
    return this.crashes.length;
  }
}
