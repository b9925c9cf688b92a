/**
 * What the CLI is doing, for the one case it cannot report otherwise: code it loads (a project's
 * `eslint.config.js`, a plugin) calling `process.exit()`. The exit hook in `main` then names the culprit.
 */
let current: string | undefined;

export function setActivity(activity: string | undefined): void {
  current = activity;
}

export function currentActivity(): string | undefined {
  return current;
}
