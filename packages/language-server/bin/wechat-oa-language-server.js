#!/usr/bin/env node
// Started by editors as `wechat-oa-language-server --stdio` (stdio is the only transport).
import '../dist/server.js';
