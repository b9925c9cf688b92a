#!/usr/bin/env node
// Loaded dynamically so that a broken installation (a missing or mismatched dependency) exits 2, the code for
// "could not lint", instead of Node's 1, which CI would read as "problems found".
let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (error) {
  process.stderr.write(`wechat-oa-lint could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
// exitCode rather than process.exit(): stdout may still be flushing a long report into a pipe.
process.exitCode = await main(process.argv.slice(2));
