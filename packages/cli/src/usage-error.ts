/**
 * A usage or configuration problem the user can fix: the CLI prints its one-line message and exits 2.
 * Everything else that escapes is a crash and also exits 2, but with the stack on stderr for a bug report.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
