import type { TSESTree } from '@typescript-eslint/utils';
import { type Account, calleeName, type Label, isUserDataLabel } from '../analysis/dataflow/index.js';
import { getFileAnalysis } from '../analysis/index.js';
import { createRule } from '../util/createRule.js';

type MessageIds = 'crossAccount';

const KIND_TEXT: Record<string, { en: string; zh: string }> = {
  openid: { en: 'openids', zh: 'openid' },
  unionid: { en: 'unionids', zh: 'unionid' },
  profile: { en: 'user info', zh: '用户信息' },
  phone: { en: 'phone numbers', zh: '手机号' },
  location: { en: 'locations', zh: '位置信息' },
  media: { en: 'media', zh: '媒体文件' },
  address: { en: 'addresses', zh: '地址' },
  credential: { en: 'an access token', zh: 'access_token' },
};

/**
 * The first label of `labels` that carries user data of a known account other than `account`. A value that also
 * carries data of `account` itself is left alone: a helper called for both accounts merges them (the analysis
 * is not call-site sensitive), and a finding must be certain.
 */
function foreignLabel(labels: readonly Label[], account: Account, withoutCredentials = false): Label | undefined {
  const data = labels.filter(
    (label) => label.account !== undefined && isUserDataLabel(label) && !(withoutCredentials && label.kind === 'credential'),
  );
  if (data.some((label) => label.account?.key === account.key)) return undefined;
  return data.find((label) => label.account?.key !== account.key);
}

/** The one account of the SDK client `node` evaluates to; none when it is no client or may be several. */
function soleClientAccount(labels: readonly Label[]): Account | undefined {
  const accounts = new Map<string, Account>();
  for (const label of labels) if (label.kind === 'client' && label.account) accounts.set(label.account.key, label.account);
  const unknown = labels.some((label) => label.kind === 'client' && !label.account);
  return accounts.size === 1 && !unknown ? [...accounts.values()][0] : undefined;
}

export default createRule<[], MessageIds>({
  name: 'no-cross-account-data',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow passing one Official Account's user data or tokens to another account's API calls",
      descriptionZh: '禁止把一个公众号的用户数据或令牌用于另一个公众号的接口调用',
      clause: 'S3',
      recommended: 'error',
    },
    schema: [],
    messages: {
      crossAccount:
        "[S3] Data obtained with account {{from}} ({{what}}) is passed to {{method}}() of account {{to}}. User data of one Official Account may be used only in that account: fetch it again with {{to}}'s own client, or keep the accounts apart.",
    },
  },
  messagesZh: {
    crossAccount:
      '[S3] 通过账号 {{from}} 获取的{{what}}被传给账号 {{to}} 的 {{method}}()。一个公众号收集的用户数据只能在该公众号中使用：请用 {{to}} 自己的客户端重新获取，或把两个账号的数据分开。',
  },
  defaultOptions: [],
  create(context) {
    const analysis = getFileAnalysis(context);
    // Solved on the first client method call, not for files that have none.
    const flow = getFileAnalysis(context).dataFlowWith(analysis.settings);
    const zh = analysis.settings.locale === 'zh-CN';

    return {
      CallExpression(node: TSESTree.CallExpression) {
        // Raw HTTP to an Official Account API: it runs as the account of its token or appid; its data must match.
        const raw = node.arguments.length > 0 ? flow.rawApiCallOf(node) : undefined;
        if (raw?.account) {
          const labels = node.arguments.flatMap((argument) => flow.labelsOf(argument));
          const label = foreignLabel(labels, raw.account, true);
          if (label?.account) {
            const text = KIND_TEXT[label.kind] ?? { en: label.kind, zh: label.kind };
            context.report({
              node,
              messageId: 'crossAccount',
              data: { what: zh ? text.zh : text.en, from: label.account.text, to: raw.account.text, method: raw.endpoint.id },
            });
          }
          return;
        }
        const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
        if (callee.type !== 'MemberExpression' || node.arguments.length === 0) return;
        // An SDK client's method: the client carries its constructor's account.
        const account = soleClientAccount(flow.labelsOf(callee.object));
        if (!account) return;
        for (const argument of node.arguments) {
          const label = foreignLabel(flow.labelsOf(argument), account);
          if (!label?.account) continue;
          const text = KIND_TEXT[label.kind] ?? { en: label.kind, zh: label.kind };
          const what = zh ? text.zh : text.en;
          context.report({
            node,
            messageId: 'crossAccount',
            data: { what, from: label.account.text, to: account.text, method: calleeName(node) ?? 'call' },
          });
          return;
        }
      },
    };
  },
});
