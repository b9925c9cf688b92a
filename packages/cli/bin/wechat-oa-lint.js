#!/usr/bin/env node
import { main } from '../dist/main.js';

// exitCode rather than process.exit(): stdout may still be flushing a long report into a pipe.
process.exitCode = await main(process.argv.slice(2));
