import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  getVueParserServices,
  type VAttribute,
  type VDirective,
  type VElement,
  type VExpressionContainer,
  type VLiteral,
  type VText,
} from './vue.js';

/**
 * Template access for rules: one helper that adds listeners for a Vue template to a rule's script listeners.
 *
 * In a `.vue` file the template is not part of the ESLint AST that rules walk; vue-eslint-parser walks it when
 * a rule asks through `parserServices.defineTemplateBodyVisitor`. Rules call {@link defineTemplateVisitor} with
 * the markup they care about and get back the listeners to return from `create`; in any other file the script
 * listeners come back unchanged. (HTML pages need nothing here: the HTML processor hands their markup to the
 * rules as JSX, see `processors/html.ts`.)
 *
 * Reporting: pass the template node (`VText`, `VLiteral`, an expression) as `node` to `context.report`; ESLint
 * only reads its `loc`/`range`, which are positions in the `.vue` file. Template disable comments
 * (`<!-- eslint-disable-next-line … -->`) are honoured for every rule made with `createRule`.
 */

/** An attribute of a template element with a value a rule can read: `title="…"`, `:href="'…'"`, `v-bind:src`. */
export interface TemplateAttribute {
  element: VElement;
  /** Attribute name, lowercased, without `:`/`v-bind:` (`href` for `:href`). */
  name: string;
  /** True for `v-bind`/`:` (the value is an expression). */
  bound: boolean;
  attribute: VAttribute | VDirective;
  /** The node to report on: the `VLiteral` of a static value, the expression of a bound one. */
  valueNode: VLiteral | TSESTree.Expression;
  /**
   * The value when it is known statically: a static attribute's text (entity-decoded), or a bound string
   * literal / template literal without expressions. Undefined otherwise.
   */
  value: string | undefined;
}

export interface TemplateEventHandler {
  element: VElement;
  /** `click` for `@click`/`v-on:click`; undefined for a dynamic `@[name]`. */
  event: string | undefined;
  directive: VDirective;
  expression: VExpressionContainer['expression'];
}

export interface TemplateVisitor {
  /** Template text (`VText`) with at least one non-space character. */
  text?(node: VText): void;
  /** `{{ 'literal' }}` and other static strings shown as text: the Literal and its value. */
  interpolatedText?(node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string): void;
  /** Every attribute with a value, static or bound. */
  attribute?(attribute: TemplateAttribute): void;
  /** `<meta http-equiv="refresh" content="…">`: the `content` attribute. */
  metaRefresh?(content: TemplateAttribute): void;
  /** `<a href="…">` (also `:href`). */
  anchorHref?(href: TemplateAttribute): void;
  /** `@click`/`v-on:click` and other event handlers. */
  eventHandler?(handler: TemplateEventHandler): void;
  /** Every element, after its attributes were visited. */
  element?(element: VElement): void;
}

type RuleListener = TSESLint.RuleListener;
type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

function staticString(expression: VExpressionContainer['expression']): string | undefined {
  if (!expression) return undefined;
  if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) {
    return expression.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The element's attribute `name` (static or bound), with its static value when known. */
export function getTemplateAttribute(element: VElement, name: string): TemplateAttribute | undefined {
  for (const attribute of element.startTag.attributes) {
    const read = readAttribute(element, attribute);
    if (read?.name === name) return read;
  }
  return undefined;
}

function readAttribute(element: VElement, attribute: VAttribute | VDirective): TemplateAttribute | undefined {
  if (!attribute.directive) {
    if (!attribute.value) return undefined;
    return {
      element,
      name: attribute.key.name.toLowerCase(),
      bound: false,
      attribute,
      valueNode: attribute.value,
      value: attribute.value.value,
    };
  }
  const key = attribute.key;
  if (key.name.name !== 'bind' || key.argument?.type !== 'VIdentifier') return undefined;
  const expression = attribute.value?.expression;
  // vue-eslint-parser's own node kinds (`VOnExpression`, `VFilterSequenceExpression`…) start with `V`.
  if (!expression || expression.type.startsWith('V')) return undefined;
  return {
    element,
    name: key.argument.rawName.toLowerCase(),
    bound: true,
    attribute,
    // vue-eslint-parser types its ESTree nodes with its own declarations; they are the parser's ESTree nodes.
    valueNode: expression as unknown as TSESTree.Expression,
    value: staticString(expression),
  };
}

/**
 * The rule's listeners, plus listeners for the Vue template when the file is a single-file component. Returns
 * `scriptVisitor` itself for every other file.
 */
export function defineTemplateVisitor(context: AnyContext, visitor: TemplateVisitor, scriptVisitor: RuleListener): RuleListener {
  const services = getVueParserServices(context.sourceCode);
  if (!services) return scriptVisitor;
  const templateListeners: Record<string, (node: never) => void> = {};
  if (visitor.text) {
    const text = visitor.text;
    templateListeners.VText = (node: VText) => {
      if (/\S/u.test(node.value)) text(node);
    };
  }
  if (visitor.interpolatedText) {
    const interpolated = visitor.interpolatedText;
    templateListeners.VExpressionContainer = (node: VExpressionContainer) => {
      if (node.parent.type !== 'VElement') return; // `{{ … }}`, not an attribute value
      const expression = node.expression;
      const value = staticString(expression);
      if (value !== undefined && expression && (expression.type === 'Literal' || expression.type === 'TemplateLiteral')) {
        interpolated(expression as unknown as TSESTree.Literal | TSESTree.TemplateLiteral, value);
      }
    };
  }
  if (visitor.attribute || visitor.metaRefresh || visitor.anchorHref || visitor.eventHandler || visitor.element) {
    templateListeners.VElement = (element: VElement) => {
      for (const attribute of element.startTag.attributes) {
        if (attribute.directive && attribute.key.name.name === 'on') {
          const argument = attribute.key.argument;
          visitor.eventHandler?.({
            element,
            event: argument?.type === 'VIdentifier' ? argument.name : undefined,
            directive: attribute,
            expression: attribute.value?.expression ?? null,
          });
          continue;
        }
        const read = readAttribute(element, attribute);
        if (!read) continue;
        visitor.attribute?.(read);
        if (element.rawName.toLowerCase() === 'a' && read.name === 'href') visitor.anchorHref?.(read);
      }
      if (visitor.metaRefresh && element.rawName.toLowerCase() === 'meta') {
        const equiv = getTemplateAttribute(element, 'http-equiv');
        const content = getTemplateAttribute(element, 'content');
        if (equiv?.value?.trim().toLowerCase() === 'refresh' && content) visitor.metaRefresh(content);
      }
      visitor.element?.(element);
    };
  }
  return services.defineTemplateBodyVisitor(
    templateListeners,
    scriptVisitor as Record<string, (...args: never[]) => void>,
  ) as RuleListener;
}
