import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AFFILIATION_PATTERN, JOINING_PUNCTUATION, WRAPPING_BRACKETS } from '../knowledge/affiliation-phrases.js';
import { defineTemplateVisitor } from '../analysis/template.js';
import { createRule } from '../util/createRule.js';
import { cookedOffsets } from '../util/cooked-offsets.js';

type MessageIds = 'claim' | 'removeClaim';
type Options = [{ phrases?: string[] }];

type TextNode = TSESTree.Literal | TSESTree.TemplateLiteral | TSESTree.JSXText;

/** A piece of user-facing text and where each of its characters sits in the source. */
interface TextPiece {
  text: string;
  /** Source offset of `text[i]` is `start + map[i]`; undefined when no exact edit can be computed. */
  map: readonly number[] | undefined;
  start: number;
}

/** JSX attributes whose values are not text a user reads. */
const NON_TEXT_ATTRIBUTES = new Set(['className', 'class', 'id', 'key', 'ref', 'style', 'href', 'src', 'rel', 'type', 'name', 'role', 'htmlFor', 'for', 'lang', 'target', 'method', 'action']);

/** Vue template attributes whose values are text a user reads. */
const TEMPLATE_TEXT_ATTRIBUTES = new Set(['title', 'alt', 'aria-label', 'placeholder']);

const CONTENT = /[\p{L}\p{N}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[$()*+./?[\\\]^{|}-]/gu, (char) => (char === '-' ? '\\x2d' : `\\${char}`));
}

const phrasePatterns = new Map<string, RegExp>();

/**
 * Extra phrases are plain text, escaped into one alternation: no user-written regex runs on every file. Compiled
 * once per list, not once per file.
 */
function phrasePattern(phrases: readonly string[]): RegExp {
  const key = JSON.stringify(phrases);
  let pattern = phrasePatterns.get(key);
  if (!pattern) {
    pattern = new RegExp(phrases.map(escapeRegExp).join('|'), 'giu');
    phrasePatterns.set(key, pattern);
  }
  return pattern;
}

/** Calls whose string arguments are not shown to users: module loading and console output. */
function isNonTextCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'require';
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'console'
  );
}

function attributeName(attribute: TSESTree.JSXAttribute): string {
  return attribute.name.type === AST_NODE_TYPES.JSXIdentifier ? attribute.name.name : attribute.name.name.name;
}

/**
 * False for strings that are not user-facing text: module specifiers, keys, type-level literals, directives,
 * class names and other technical JSX attributes, `require()` and `console.*` arguments.
 */
function isUserFacing(node: TSESTree.Literal | TSESTree.TemplateLiteral): boolean {
  const parent = node.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.ImportAttribute:
    case AST_NODE_TYPES.TSExternalModuleReference:
    case AST_NODE_TYPES.TSLiteralType:
      return false;
    case AST_NODE_TYPES.TSEnumMember:
      // `enum Badge { '腾讯官方合作' = 1 }` names a member; an initializer is a value and may be shown.
      return parent.initializer === node;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSPropertySignature:
    case AST_NODE_TYPES.AccessorProperty:
      return parent.key !== node;
    case AST_NODE_TYPES.MemberExpression:
      return parent.property !== node;
    case AST_NODE_TYPES.ExpressionStatement:
      return parent.directive === undefined;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node || !isNonTextCall(parent);
    case AST_NODE_TYPES.JSXAttribute:
      return !NON_TEXT_ATTRIBUTES.has(attributeName(parent));
    case AST_NODE_TYPES.JSXExpressionContainer:
      return parent.parent.type !== AST_NODE_TYPES.JSXAttribute || !NON_TEXT_ATTRIBUTES.has(attributeName(parent.parent));
    default:
      return true;
  }
}

/** The span to delete for a phrase at [start, end): the phrase, brackets around it and the joining punctuation. */
function removalSpan(text: string, start: number, end: number): [number, number] {
  if (start > 0 && WRAPPING_BRACKETS[text[start - 1]] !== undefined && WRAPPING_BRACKETS[text[start - 1]] === text[end]) {
    start--;
    end++;
  }
  let before = start;
  while (before > 0 && JOINING_PUNCTUATION.has(text[before - 1])) before--;
  let after = end;
  while (after < text.length && JOINING_PUNCTUATION.has(text[after])) after++;
  const contentBefore = CONTENT.test(text.slice(0, before));
  const contentAfter = CONTENT.test(text.slice(after));
  // "A，<phrase>，B" → "A，B"; "<phrase>，B" → "B"; "A，<phrase>。" → "A。".
  if (contentAfter) return [start, after];
  if (contentBefore) return [before, after];
  // The phrase is all the text says: remove everything but the surrounding whitespace (JSX indentation).
  let first = 0;
  while (first < text.length && /\s/u.test(text[first])) first++;
  let last = text.length;
  while (last > first && /\s/u.test(text[last - 1])) last--;
  return [first, last];
}

function identityMap(text: string): number[] {
  return Array.from({ length: text.length + 1 }, (_, index) => index);
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

export default createRule<Options, MessageIds>({
  name: 'no-affiliation-claim',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow user-facing text that claims a partnership with or endorsement by Tencent or WeChat',
      descriptionZh: '禁止在面向用户的文字中声称与腾讯或微信存在合作关系或获得其认可',
      clause: 'S9',
      recommended: 'error',
    },
    hasSuggestions: true,
    defaultOptions: [{}],
    schema: [
      {
        type: 'object',
        properties: {
          phrases: {
            description: 'More phrases to report, matched as plain text without regard to case.',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      claim:
        '[S9] "{{phrase}}" states or implies a partnership with or endorsement by Tencent/WeChat, which the platform forbids. Remove the claim.',
      removeClaim: '[S9] Remove "{{phrase}}".',
    },
  },
  messagesZh: {
    claim: '[S9] “{{phrase}}”声称或暗示与腾讯/微信存在合作关系或获得其认可，平台规范禁止这样表述。请删除该表述。',
    removeClaim: '[S9] 删除“{{phrase}}”。',
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const extra = (options.phrases ?? []).filter((phrase) => phrase.trim() !== '');
    const extraPattern = extra.length > 0 ? phrasePattern(extra) : undefined;

    function findPhrases(text: string): { index: number; text: string }[] {
      const found: { index: number; text: string }[] = [];
      for (const pattern of extraPattern ? [AFFILIATION_PATTERN, extraPattern] : [AFFILIATION_PATTERN]) {
        for (const match of text.matchAll(pattern)) found.push({ index: match.index, text: match[0] });
      }
      return found.sort((a, b) => a.index - b.index);
    }

    /**
     * Reports the first phrase of a text. A string or template literal is reported as a whole: a disable comment
     * can only stand before it. Text between tags (JSX, Vue templates, HTML pages) is reported at the phrase
     * itself: such a text node starts right after whatever precedes it, often an `eslint-disable-next-line`
     * comment (in braces in JSX, `<!-- -->` in templates), on that comment's line, so the node's own start would put
     * the report on the comment's line, where the comment does not reach it.
     */
    function check(node: TextNode, pieces: TextPiece[], at: 'node' | 'phrase' = 'node'): void {
      const edits: [number, number][] = [];
      let first: string | undefined;
      let firstRange: [number, number] | undefined;
      let editable = true;
      for (const piece of pieces) {
        const matches = findPhrases(piece.text);
        if (matches.length === 0) continue;
        if (first === undefined) {
          first = matches[0].text;
          if (piece.map) {
            const { index, text } = matches[0];
            firstRange = [piece.start + piece.map[index], piece.start + piece.map[index + text.length]];
          }
        }
        const map = piece.map;
        if (!map) {
          editable = false;
          continue;
        }
        const spans = mergeSpans(matches.map((match) => removalSpan(piece.text, match.index, match.index + match.text.length)));
        for (const [start, end] of spans) edits.push([piece.start + map[start], piece.start + map[end]]);
      }
      if (first === undefined) return;
      const phrase = first;
      const fix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => edits.map((range) => fixer.removeRange(range));
      const where =
        at === 'phrase' && firstRange
          ? { loc: { start: sourceCode.getLocFromIndex(firstRange[0]), end: sourceCode.getLocFromIndex(firstRange[1]) } }
          : { node };
      context.report({
        ...where,
        messageId: 'claim',
        data: { phrase },
        suggest: editable && edits.length > 0 ? [{ messageId: 'removeClaim', data: { phrase }, fix }] : [],
      });
    }

    const scriptListeners: TSESLint.RuleListener = {
      Literal(node) {
        if (typeof node.value !== 'string' || !isUserFacing(node)) return;
        const start = node.range[0] + 1;
        const raw = sourceCode.text.slice(start, node.range[1] - 1);
        if (node.parent.type === AST_NODE_TYPES.JSXAttribute) {
          // JSX attribute strings have no escapes: the source text is the text (entities stay as written).
          check(node, [{ text: raw, map: identityMap(raw), start }]);
          return;
        }
        check(node, [{ text: node.value, map: cookedOffsets(raw, node.value), start }]);
      },
      TemplateLiteral(node) {
        if (!isUserFacing(node)) return;
        const pieces = node.quasis.map((quasi): TextPiece => {
          const text = quasi.value.cooked ?? '';
          // A quasi's range includes the delimiter before it (`` ` `` or `}`) in espree and typescript-estree alike.
          const start = quasi.range[0] + 1;
          return { text, map: quasi.value.cooked === null ? undefined : cookedOffsets(quasi.value.raw, text, true), start };
        });
        check(node, pieces);
      },
      JSXText(node) {
        const raw = sourceCode.getText(node);
        check(node, [{ text: raw, map: identityMap(raw), start: node.range[0] }], 'phrase');
      },
    };

    // Vue templates: text, `{{ '…' }}` and the text attributes, static or bound to a string.
    const checkRaw = (node: TSESTree.Node, start: number, end: number, at: 'node' | 'phrase' = 'node') => {
      const raw = sourceCode.text.slice(start, end);
      check(node as TextNode, [{ text: raw, map: identityMap(raw), start }], at);
    };
    return defineTemplateVisitor(
      context,
      {
        text(node) {
          checkRaw(node as unknown as TSESTree.Node, node.range[0], node.range[1], 'phrase');
        },
        interpolatedText(node) {
          scriptListeners[node.type]?.(node as never);
        },
        attribute(attribute) {
          if (!TEMPLATE_TEXT_ATTRIBUTES.has(attribute.name)) return;
          const value = attribute.valueNode;
          if (value.type === 'VLiteral') {
            const quoted = /^["']/u.test(sourceCode.text[value.range[0]]);
            checkRaw(value as unknown as TSESTree.Node, value.range[0] + (quoted ? 1 : 0), value.range[1] - (quoted ? 1 : 0));
          } else if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) {
            scriptListeners[value.type]?.(value as never);
          }
        },
      },
      scriptListeners,
    );
  },
});
