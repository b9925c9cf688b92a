/**
 * The clauses of the Weixin Official Accounts Platform developer specification that the rules enforce.
 * Every rule names one (`meta.docs.clause`); reports, docs and the CLI summary group by them.
 */
export const CLAUSE_IDS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S11'] as const;
export type ClauseId = (typeof CLAUSE_IDS)[number];

export interface Clause {
  id: ClauseId;
  /** Short name used in summaries. */
  name: { en: string; 'zh-CN': string };
  /** The clause as the platform states it. */
  text: { en: string; 'zh-CN': string };
}

export const CLAUSES: Readonly<Record<ClauseId, Clause>> = {
  S1: {
    id: 'S1',
    name: { en: 'consent', 'zh-CN': '事先同意' },
    text: {
      en: "Collecting any user data needs the user's express prior consent, and users must be told the purpose, scope and use.",
      'zh-CN': '收集用户任何数据前必须事先获得用户的明示同意，并告知用户相关数据的使用目的、范围及用途。',
    },
  },
  S2: {
    id: 'S2',
    name: { en: 'protection', 'zh-CN': '数据保护' },
    text: {
      en: 'Collected data must be protected against theft and disclosure.',
      'zh-CN': '对收集的用户数据必须采取必要的保护措施，防止数据被盗、泄漏。',
    },
  },
  S3: {
    id: 'S3',
    name: { en: 'one account', 'zh-CN': '仅限本账号' },
    text: {
      en: 'User data collected in an Official Account is used only in that account: not in another account, not for another purpose, not provided to others.',
      'zh-CN': '在公众号中收集的用户数据只能在该公众号中使用，不得用于其他公众号或其他用途，不得提供给第三方。',
    },
  },
  S4: {
    id: 'S4',
    name: { en: 'deletion', 'zh-CN': '数据删除' },
    text: {
      en: 'Data must be deleted when Tencent requires it, and all of it (backups too) when the service is no longer used.',
      'zh-CN': '腾讯要求删除用户数据时须及时删除；停止使用服务时须删除全部用户数据（包括备份）。',
    },
  },
  S5: {
    id: 'S5',
    name: { en: 'no proxy login', 'zh-CN': '禁止代登录' },
    text: {
      en: 'No proxy authentication credentials that let users log in to the Official Accounts Platform (mp.weixin.qq.com) automatically.',
      'zh-CN': '不得提供代理认证凭据，使用户自动登录微信公众平台（mp.weixin.qq.com）。',
    },
  },
  S6: {
    id: 'S6',
    name: { en: 'no tracking', 'zh-CN': '禁止追踪' },
    text: {
      en: 'No tracking features, such as verifying the browsing and clicking of other users on a personal home page.',
      'zh-CN': '不得提供追踪功能，例如查看其他用户在个人主页上的浏览、点击行为。',
    },
  },
  S7: {
    id: 'S7',
    name: { en: 'no auto redirect', 'zh-CN': '禁止自动跳转' },
    text: {
      en: 'The browser window is not redirected to other websites automatically.',
      'zh-CN': '不得将浏览器窗口自动跳转到其他网站。',
    },
  },
  S8: {
    id: 'S8',
    name: { en: 'lawful content', 'zh-CN': '合法内容' },
    text: {
      en: 'Nothing published goes against regulations, public order or social morality.',
      'zh-CN': '发布的内容不得违反法律法规、公共秩序或社会公德。',
    },
  },
  S9: {
    id: 'S9',
    name: { en: 'no affiliation', 'zh-CN': '不得暗示合作' },
    text: {
      en: "No public statement or implication of a cooperative relationship with Tencent, or of Tencent's recognition.",
      'zh-CN': '不得公开表示或暗示与腾讯存在合作关系，或获得腾讯的认可。',
    },
  },
  S10: {
    id: 'S10',
    name: { en: 'API limits', 'zh-CN': '接口规范与频率' },
    text: {
      en: 'API specifications and call-frequency limits are respected.',
      'zh-CN': '遵守接口规范及调用频率限制。',
    },
  },
  S11: {
    id: 'S11',
    name: { en: 'template messages', 'zh-CN': '模板消息' },
    text: {
      en: 'Template messages follow their use rules: service notifications triggered by the user, no marketing.',
      'zh-CN': '模板消息须遵守使用规则：仅用于用户触发的服务通知，不得用于营销。',
    },
  },
};
