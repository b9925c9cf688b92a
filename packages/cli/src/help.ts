import { PRESET_NAMES } from 'eslint-plugin-wechat-oa';
import { FORMAT_NAMES } from './args.js';
import { CLI_INFORMATION_URI } from './package-info.js';

export const HELP = `Usage: wechat-oa-lint [paths...] [options]

Checks WeChat Official Account code (Node back ends and H5 pages) against the Weixin Official Accounts
Platform developer specification. Needs no configuration: a file whose ESLint config enables wechat-oa rules
is linted with that config (only the wechat-oa rules run); every other file with the embedded preset and the
settings in .wechat-oa.json. Paths default to the current folder.

Options:
  --preset <name>           lint every file with this embedded preset: ${PRESET_NAMES.join(', ')}
  -f, --format <name>       ${FORMAT_NAMES.join(', ')} (default: clauses)
  -o, --output-file <file>  write the report to a file instead of stdout
  --fix                     apply the rules' automatic fixes to the files
  --ignore-pattern <glob>   skip files matching the glob, relative to the current folder (repeatable);
                            "ignores" in .wechat-oa.json does the same for embedded mode
  --max-warnings <n>        exit 1 when there are more than n warnings
  --quiet                   list errors only (the summary still counts warnings)
  --cache                   reuse results of unchanged files (node_modules/.cache/wechat-oa-lint)
  --concurrency <n|auto>    lint in n worker threads (default: off)
  --engine <eslint|oxlint>  who lints embedded-mode JS/TS files (default: eslint); oxlint is faster and
                            needs the oxlint package; .vue/.html files always go through ESLint
  --locale <en|zh-CN>       language of messages and clause texts
  --changed[=<base>]        only files changed against base (default: the merge base with the default
                            branch), plus uncommitted and untracked files
  --suppress-all            record every current error in wechat-oa-suppressions.json
  --suppress-rule <id>      record the current errors of one rule (repeatable)
  --prune-suppressions      drop recorded suppressions that no longer match a problem
  --explain <file>          say which facts a file gets and why (trigger words, skipped copies)
  -h, --help                show this help
  -v, --version             show the version

Commands:
  inventory [paths...]      the data map: where user data is collected, stored, sent and deleted
                            (wechat-oa-lint inventory --help)

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or configuration error.
Docs: ${CLI_INFORMATION_URI}
`;
