import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { argumentLiteral, isSignatureToken } from '../analysis/credential-uses.js';
import { getFileAnalysis } from '../analysis/index.js';
import { queryValueSource } from '../analysis/values.js';
import {
  CREDENTIALS,
  type CredentialSpec,
  ENV_NAME_PREFIX,
  looksLikeAccountValue,
  NON_SECRET_NAME_WORDS,
  PLACEHOLDER_MARKERS,
  PUBLIC_ENV_PREFIXES,
  SECRET_QUERY_PARAM,
  SECRET_QUERY_PATHS,
} from '../knowledge/credentials.js';
import { createRule } from '../util/createRule.js';
import { identifierWords, matchesWordPattern } from '../util/name-words.js';

type MessageIds = 'hardcoded' | 'hardcodedInBrowser' | 'publicEnv' | 'useEnv' | 'dropFallback';
type Options = [{ envNames?: Record<string, string> }];

/** Where a credential literal sits: the name it is stored under and the names next to it. */
interface Position {
  name: string;
  /**
   * Names of the sibling keys/variables, computed only when a kind needs them; with `anyText`, also keys whose
   * text is no account value.
   */
  siblings: (anyText: boolean) => readonly string[];
  /** False where `process.env.X` cannot replace the literal (an enum initializer, an env assignment). */
  replaceable: boolean;
  /** What the suggestion replaces: the literal, or the literal with its `as const` (invalid on an env lookup). */
  target?: TSESTree.Node;
}

interface Finding {
  node: TSESTree.Literal | TSESTree.TemplateLiteral;
  spec: CredentialSpec;
  fix: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined;
  suggestion: MessageIds;
  envName: string;
}

const WRAPPERS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/** The name the suggestion gives a signature check's Token (`WECHAT_TOKEN`). */
const SIGNATURE_TOKEN_NAME = 'token';

const compact = (name: string): string => identifierWords(name).join('');

const SHORTEST = Math.min(...CREDENTIALS.map((spec) => spec.shape.minLength));
const LONGEST = Math.max(...CREDENTIALS.map((spec) => spec.shape.maxLength));

/** Printable text of some credential's shape and length: no spaces or quotes (most strings of a file are prose). */
function couldBeCredential(value: string): boolean {
  if (value.length < SHORTEST || value.length > LONGEST) return false;
  for (let index = 0; index < value.length; index++) if (!isText(value.charCodeAt(index))) return false;
  return true;
}

function nameMatches(name: string, patterns: readonly string[] | undefined, exact: boolean): boolean {
  if (!patterns) return false;
  return patterns.some((pattern) =>
    exact ? compact(name) === compact(pattern) : matchesWordPattern(name, pattern) || compact(name) === compact(pattern),
  );
}

/** The credential a name holds, given its siblings; undefined for names that hold none. */
function credentialForName(name: string, siblings: (anyText: boolean) => readonly string[]): CredentialSpec | undefined {
  const words = identifierWords(name);
  if (words.length === 0 || words.some((word) => NON_SECRET_NAME_WORDS.has(word))) return undefined;
  for (const spec of CREDENTIALS) {
    if (nameMatches(name, spec.names, false)) return spec;
    if (
      nameMatches(name, spec.namesWithSibling, true) &&
      siblings(spec.siblingsWithAnyText === true).some((sibling) => sibling !== name && nameMatches(sibling, spec.siblings, false))
    ) {
      return spec;
    }
  }
  return undefined;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** Letters, digits, `-` and `_`: the characters of an access_token. */
function isTokenCharacter(code: number): boolean {
  return isAlnum(code) || code === 45 || code === 95;
}

/** Printable ASCII but space and quotes. */
function isText(code: number): boolean {
  return code > 32 && code < 127 && code !== 34 && code !== 39 && code !== 96;
}

const CHARSET_TESTS: Record<CredentialSpec['shape']['charset'], (code: number) => boolean> = {
  hex: isHex,
  alnum: isAlnum,
  token: isTokenCharacter,
  text: isText,
};

/** Smallest unit the value repeats (`abab…` → 2), or the value's length when it repeats none. */
function shortestPeriod(value: string): number {
  // Prefix function (KMP): linear in the value's length.
  const border = new Array<number>(value.length).fill(0);
  for (let index = 1; index < value.length; index++) {
    let length = border[index - 1];
    while (length > 0 && value[index] !== value[length]) length = border[length - 1];
    if (value[index] === value[length]) length++;
    border[index] = length;
  }
  const period = value.length - border[value.length - 1];
  return value.length % period === 0 ? period : value.length;
}

function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_MARKERS.some((marker) => lower.includes(marker))) return true;
  // A value that only repeats a short unit (`abababab…`, `1234123412341234…`) is no secret.
  const period = shortestPeriod(lower);
  if (period < lower.length && period <= 8) return true;
  const distinct = new Set(lower).size;
  // A random 32-hex secret has about 14 distinct characters; `aaaa…`, `0000…1111` are placeholders.
  return distinct < Math.min(6, Math.ceil(value.length / 2));
}

function hasShape(value: string, spec: CredentialSpec): boolean {
  const { minLength, maxLength, charset } = spec.shape;
  if (value.length < minLength || value.length > maxLength) return false;
  const test = CHARSET_TESTS[charset];
  for (let index = 0; index < value.length; index++) if (!test(value.charCodeAt(index))) return false;
  return !isPlaceholder(value);
}

function staticString(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

function keyText(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  return staticString(key);
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X` → `X`. */
function envLookupName(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = node.object;
  if (object.type !== AST_NODE_TYPES.MemberExpression || object.computed) return undefined;
  if (object.property.type !== AST_NODE_TYPES.Identifier || object.property.name !== 'env') return undefined;
  const isProcess = object.object.type === AST_NODE_TYPES.Identifier && object.object.name === 'process';
  const isImportMeta = object.object.type === AST_NODE_TYPES.MetaProperty && object.object.meta.name === 'import';
  if (!isProcess && !isImportMeta) return undefined;
  return keyText(node.property, node.computed);
}

function assignedName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return keyText(node.property, node.computed);
  return undefined;
}

function declaredNames(statements: readonly TSESTree.Node[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier) names.push(declarator.id.name);
    }
  }
  return names;
}

function objectKeyNames(properties: readonly TSESTree.Node[], anyText = false): string[] {
  const names: string[] = [];
  for (const property of properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = keyText(property.key, property.computed);
    // A sibling holding text that is no account value (`{ appid: 'AppID', token: 'Verify' }`: form labels) does
    // not make the object an account configuration.
    const text = staticString(property.value);
    if (name !== undefined && (anyText || text === undefined || looksLikeAccountValue(text))) names.push(name);
  }
  return names;
}

const none = (): readonly string[] => [];

/** The name a value is stored under, for the positions docs/rules/no-hardcoded-credentials.md lists; undefined elsewhere. */
function positionOf(value: TSESTree.Node): Position | undefined {
  let current: TSESTree.Node = value;
  let parent = current.parent;
  let target: TSESTree.Node = value;
  while (parent && WRAPPERS.has(parent.type)) {
    current = parent;
    if (isAsConst(current)) target = current;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  const position = positionInParent(current, parent);
  return position && { ...position, target };
}

function isAsConst(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSTypeAssertion) &&
    node.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    node.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    node.typeAnnotation.typeName.name === 'const'
  );
}

function positionInParent(current: TSESTree.Node, parent: TSESTree.Node): Position | undefined {
  switch (parent.type) {
    case AST_NODE_TYPES.Property: {
      if (parent.value !== current) return undefined;
      const name = keyText(parent.key, parent.computed);
      const object = parent.parent;
      return name === undefined
        ? undefined
        : { name, siblings: (anyText) => objectKeyNames(object.properties, anyText), replaceable: true };
    }
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      let holder: TSESTree.Node | undefined = parent.parent.parent;
      if (holder?.type === AST_NODE_TYPES.ExportNamedDeclaration) holder = holder.parent;
      const body =
        holder && 'body' in holder && Array.isArray(holder.body) ? (holder.body as TSESTree.Node[]) : [parent.parent];
      return { name: parent.id.name, siblings: () => declaredNames(body), replaceable: true };
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== current) return undefined;
      const name = assignedName(parent.left);
      if (name === undefined) return undefined;
      return { name, siblings: none, replaceable: envLookupName(parent.left) === undefined };
    }
    case AST_NODE_TYPES.AssignmentPattern: {
      // Default values of parameters and destructured keys: `function f(appSecret = '…')`, `{ secret = '…' }`.
      if (parent.right !== current || parent.left.type !== AST_NODE_TYPES.Identifier) return undefined;
      const pattern = parent.parent.type === AST_NODE_TYPES.Property ? parent.parent.parent : undefined;
      const siblings =
        pattern?.type === AST_NODE_TYPES.ObjectPattern ? (anyText: boolean) => objectKeyNames(pattern.properties, anyText) : none;
      return { name: parent.left.name, siblings, replaceable: true };
    }
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty: {
      if (parent.value !== current) return undefined;
      const name = keyText(parent.key, parent.computed);
      const members = parent.parent.body;
      const siblings = () =>
        members.flatMap((member) =>
          'key' in member && member.key ? [keyText(member.key, member.computed) ?? ''] : [],
        );
      return name === undefined ? undefined : { name, siblings, replaceable: true };
    }
    case AST_NODE_TYPES.TSEnumMember: {
      const name = keyText(parent.id, false);
      // A string enum member must be initialised with a constant: no env lookup there.
      return name === undefined ? undefined : { name, siblings: none, replaceable: false };
    }
    case AST_NODE_TYPES.JSXExpressionContainer:
      return parent.parent.type === AST_NODE_TYPES.JSXAttribute ? jsxPosition(parent.parent) : undefined;
    case AST_NODE_TYPES.JSXAttribute:
      // `appSecret="…"` → `appSecret={process.env.X}`: not a plain literal swap, so no suggestion.
      return jsxPosition(parent, false);
    default:
      return undefined;
  }
}

function jsxPosition(attribute: TSESTree.JSXAttribute, replaceable = true): Position | undefined {
  if (attribute.name.type !== AST_NODE_TYPES.JSXIdentifier) return undefined;
  const element = attribute.parent;
  const siblings = () =>
    element.attributes.flatMap((other) =>
      other.type === AST_NODE_TYPES.JSXAttribute && other.name.type === AST_NODE_TYPES.JSXIdentifier ? [other.name.name] : [],
    );
  return { name: attribute.name.name, siblings, replaceable };
}

/** `appSecret` → `WECHAT_APP_SECRET`; `WECHAT_SECRET` stays. */
function envNameFor(name: string): string {
  const screaming = identifierWords(name).join('_').toUpperCase();
  return screaming.startsWith(ENV_NAME_PREFIX) ? screaming : `${ENV_NAME_PREFIX}${screaming}`;
}

function envAccess(name: string): string {
  return /^[A-Z_a-z$][\w$]*$/u.test(name) ? `process.env.${name}` : `process.env[${JSON.stringify(name)}]`;
}

function isSecretUrl(text: string): boolean {
  return SECRET_QUERY_PATHS.some((path) => text.includes(path));
}

/**
 * A quoted string's raw text as template text: backticks and `${` escaped. Undefined when it holds a legacy octal
 * escape (`\1`, `\08`) or `\8`/`\9`, which a template does not allow: no suggestion rather than one that does not parse.
 */
function toTemplateRaw(raw: string): string | undefined {
  let out = '';
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index];
    if (char === '\\') {
      const next = raw[index + 1] ?? '';
      const after = raw[index + 2] ?? '';
      if ((next >= '1' && next <= '9') || (next === '0' && after >= '0' && after <= '9')) return undefined;
      out += char + next;
      index++;
    } else if (char === '`' || (char === '$' && raw[index + 1] === '{')) out += `\\${char}`;
    else out += char;
  }
  return out;
}

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-credentials',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow AppSecret, EncodingAESKey, server Token and WeChat Pay API keys written into the source',
      descriptionZh: '禁止在源代码中硬编码 AppSecret、EncodingAESKey、服务器 Token 和微信支付 API 密钥',
      clause: 'S2',
      recommended: 'error',
    },
    hasSuggestions: true,
    defaultOptions: [{}],
    schema: [
      {
        type: 'object',
        properties: {
          envNames: {
            description: 'Maps a key or variable name to the environment variable the suggestion reads.',
            type: 'object',
            additionalProperties: { type: 'string', minLength: 1 },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      hardcoded:
        '[S2] {{kind}} is written into the source: anyone with the code or its history can use it. Read it from the environment or a secret store, and rotate it.',
      hardcodedInBrowser:
        '[S2] {{kind}} is written into browser code, where every visitor can read it. Move it and the calls that need it to the server, and rotate it.',
      publicEnv:
        '[S2] {{kind}} is read from `{{envName}}`: the build writes variables starting with `{{prefix}}` into the browser bundle, where every visitor can read it. Keep it in a server-only variable, call the API from the server, and rotate it.',
      useEnv: '[S2] Read it from process.env.{{envName}}.',
      dropFallback: '[S2] Drop the literal fallback and use process.env.{{envName}} alone.',
    },
  },
  messagesZh: {
    hardcoded:
      '[S2] {{kind}} 被写进了源代码：任何拿到代码或其历史记录的人都能使用它。请改为从环境变量或密钥管理服务读取，并更换该密钥。',
    hardcodedInBrowser:
      '[S2] {{kind}} 被写进了浏览器端代码，每个访问者都能看到。请把它以及需要它的接口调用移到服务器端，并更换该密钥。',
    publicEnv:
      '[S2] {{kind}} 读取自 `{{envName}}`：以 `{{prefix}}` 开头的环境变量会被构建工具写进浏览器端代码，每个访问者都能看到。请改用只在服务器端读取的变量，在服务器端调用接口，并更换该密钥。',
    useEnv: '[S2] 改为读取 process.env.{{envName}}。',
    dropFallback: '[S2] 去掉字面量默认值，只使用 process.env.{{envName}}。',
  },
  create(context, [options]) {
    const envNames = options.envNames ?? {};
    const analysis = getFileAnalysis(context);
    const locale = analysis.settings.locale;
    const sourceCode = context.sourceCode;
    const sdkArguments = new Map<TSESTree.Node, string>();
    const reported = new Set<TSESTree.Node>();

    const envNameOf = (name: string): string => envNames[name] ?? envNameFor(name);

    function report(finding: Finding): void {
      if (reported.has(finding.node)) return;
      reported.add(finding.node);
      const kind = finding.spec.label[locale];
      const fileKind = analysis.fileKind;
      if (fileKind === 'browser') {
        context.report({ node: finding.node, messageId: 'hardcodedInBrowser', data: { kind } });
        return;
      }
      // the env suggestion only where an environment exists to read it from, i.e. in server code.
      const suggest =
        fileKind === 'server' && finding.fix
          ? [{ messageId: finding.suggestion, data: { envName: finding.envName }, fix: finding.fix }]
          : [];
      context.report({ node: finding.node, messageId: 'hardcoded', data: { kind }, suggest });
    }

    function checkUrl(node: TSESTree.Literal | TSESTree.TemplateLiteral): void {
      const spec = CREDENTIALS.find((candidate) => candidate.kind === 'appSecret');
      if (!spec) return;
      const envName = envNameOf(SECRET_QUERY_PARAM);
      const replacement = `\${${envAccess(envName)}}`;
      // The path may sit in one quasi and `secret=` in a later one: `…/cgi-bin/token?appid=${id}&secret=…`.
      const written = node.type === AST_NODE_TYPES.Literal ? node.raw.slice(1, -1) : node.quasis.map((quasi) => quasi.value.raw).join('');
      if (!isSecretUrl(written)) return;
      const found = secretQueryValue(node);
      if (!found || !hasShape(found.text, spec)) return;
      if (node.type === AST_NODE_TYPES.Literal) {
        const raw = node.raw.slice(1, -1);
        const start = found.range[0] - (node.range[0] + 1);
        const end = found.range[1] - (node.range[0] + 1);
        const before = toTemplateRaw(raw.slice(0, start));
        const after = toTemplateRaw(raw.slice(end));
        const text = before === undefined || after === undefined ? undefined : `\`${before}${replacement}${after}\``;
        report({
          node,
          spec,
          envName,
          suggestion: 'useEnv',
          fix: text === undefined ? undefined : (fixer) => fixer.replaceText(node, text),
        });
        return;
      }
      const range = found.range;
      report({ node, spec, envName, suggestion: 'useEnv', fix: (fixer) => fixer.replaceTextRange(range, replacement) });
    }

    /** `secret=<value>` in the query of this URL string, written in the string itself: the value and its source range (the one URL parser). */
    function secretQueryValue(node: TSESTree.Literal | TSESTree.TemplateLiteral): { text: string; range: [number, number] } | undefined {
      for (const value of analysis.values.valuesOf(node)) {
        const found = queryValueSource(value, SECRET_QUERY_PARAM);
        if (!found) continue;
        const inNode = found.node === node || (node.type === AST_NODE_TYPES.TemplateLiteral && node.quasis.includes(found.node as TSESTree.TemplateElement));
        if (inNode) return { text: sourceCode.text.slice(found.range[0], found.range[1]), range: found.range };
      }
      return undefined;
    }

    function checkValue(node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string): void {
      // Cheap shape test first: most strings of a file (and all of a bundle's) can be no credential at all.
      if (!couldBeCredential(value)) return;
      const parent = node.parent;
      // `process.env.X ?? '…'` / `|| '…'`: the kind comes from X, or from where the whole expression is stored.
      if (
        parent.type === AST_NODE_TYPES.LogicalExpression &&
        parent.right === node &&
        (parent.operator === '??' || parent.operator === '||')
      ) {
        const envName = envLookupName(parent.left);
        if (envName === undefined) return;
        const outer = positionOf(parent);
        const spec =
          credentialForName(envName, none) ?? (outer ? credentialForName(outer.name, outer.siblings) : undefined);
        if (!spec || !hasShape(value, spec)) return;
        const left = sourceCode.getText(parent.left);
        report({
          node,
          spec,
          envName,
          suggestion: 'dropFallback',
          fix: (fixer) => fixer.replaceText(parent, left),
        });
        return;
      }
      const sdkName = sdkArguments.get(node);
      const position = sdkName === undefined ? positionOf(node) : { name: sdkName, siblings: none, replaceable: true };
      // `[token, timestamp, nonce]` sorted and hashed is the server signature check: the part beside the request's
      // timestamp and nonce is the Token, whatever it is called.
      const signatureToken = isSignatureToken(node, sourceCode.scopeManager);
      if (!position && !signatureToken) return;
      const spec = signatureToken
        ? CREDENTIALS.find((candidate) => candidate.kind === 'token')
        : position && credentialForName(position.name, position.siblings);
      if (!spec || !hasShape(value, spec)) return;
      const envName = envNameOf(position && !signatureToken ? position.name : SIGNATURE_TOKEN_NAME);
      report({
        node,
        spec,
        envName,
        suggestion: 'useEnv',
        fix: (position?.replaceable ?? true)
          ? (fixer) => fixer.replaceText(position?.target ?? node, envAccess(envName))
          : undefined,
      });
    }

    /**
     * `process.env.NEXT_PUBLIC_WX_APP_SECRET`: a credential named in a variable that the build writes into the
     * browser bundle (knowledge/credentials.ts), whatever file reads it.
     */
    function checkPublicEnv(node: TSESTree.MemberExpression): void {
      const name = envLookupName(node);
      const prefix = name && PUBLIC_ENV_PREFIXES.find((candidate) => name.startsWith(candidate));
      if (!name || !prefix) return;
      const spec = credentialForName(name.slice(prefix.length), none);
      if (!spec) return;
      context.report({ node, messageId: 'publicEnv', data: { kind: spec.label[locale], envName: name, prefix } });
    }

    return {
      MemberExpression(node) {
        if (node.object.type === AST_NODE_TYPES.MemberExpression) checkPublicEnv(node);
      },
      Program() {
        // The AppSecret argument of an SDK constructor (`new WechatAPI(appid, secret)`): analysis/sdk-clients.ts;
        // the literal itself, or the literal of the variable passed (`var secret = '…'; new OAuth(id, secret)`).
        for (const client of analysis.sdk.clients) {
          const literal = client.secret && argumentLiteral(client.secret, sourceCode.getScope(client.secret));
          if (literal) sdkArguments.set(literal, 'appSecret');
        }
      },
      Literal(node) {
        if (typeof node.value !== 'string') return;
        if (node.value.includes(`${SECRET_QUERY_PARAM}=`)) checkUrl(node);
        checkValue(node, node.value);
      },
      TemplateLiteral(node) {
        if (node.quasis.some((quasi) => quasi.value.raw.includes(`${SECRET_QUERY_PARAM}=`))) checkUrl(node);
        const value = staticString(node);
        if (value !== undefined) checkValue(node, value);
      },
    };
  },
});
