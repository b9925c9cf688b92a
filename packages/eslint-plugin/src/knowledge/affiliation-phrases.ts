/**
 * Phrases that state or imply a cooperative relationship with Tencent/WeChat or Tencent's recognition (clause S9),
 * in Simplified Chinese, Traditional Chinese and English. `no-affiliation-claim` reads this catalog.
 *
 * Neutral mentions stay out on purpose: "微信支付", "微信认证" (the account verification service), "微信授权登录"
 * (OAuth login), "关注微信公众号", "Share to WeChat", "official WeChat account" — they name a product or a
 * feature, they claim nothing.
 *
 * One regex literal, so that eslint-plugin-regexp checks it when the repository lints itself: alternatives of
 * fixed words with at most one optional word between them, no nested quantifiers (linear on any input).
 */
export const AFFILIATION_PATTERN =
  /(?:腾讯|騰訊|微信)(?:公众平台|公眾平台)?官方(?:战略|戰略|独家|獨家)?(?:合作伙伴|合作夥伴|合作|认证|認證|推荐|推薦|指定|认可|認可|背书|背書|伙伴|夥伴|服务商|服務商)|(?:腾讯|騰訊)官方(?:授权|授權)|(?:腾讯|騰訊)(?:战略|戰略|独家|獨家|深度)?合作(?:伙伴|夥伴)?|微信(?:战略|戰略|独家|獨家|深度)合作(?:伙伴|夥伴)?|微信合作(?:伙伴|夥伴)|(?:腾讯|騰訊|微信)(?:认可|認可|背书|背書)|(?:腾讯|騰訊|微信)(?:授权|授權)(?:服务商|服務商|代理商|经销商|經銷商|合作伙伴|合作夥伴)|(?:携手|攜手)(?:腾讯|騰訊|微信)|(?:与|與)(?:腾讯|騰訊|微信)(?:官方)?(?:达成|達成)?(?:战略|戰略|深度)?合作|\b(?:(?:official|authori[sz]ed|certified|strategic|exclusive|preferred|trusted|premier)\s+)?(?:tencent|wechat|weixin)(?:'s)?\s+(?:official\s+)?partner(?:s|ship)?\b|\b(?:endorsed|certified|recommended|sponsored|backed|accredited)\s+by\s+(?:tencent|wechat|weixin)\b|\b(?:tencent|wechat|weixin)[\s-](?:endorsed|sponsored|backed|accredited)\b|\b(?:partner(?:ed|ing)?|partnership|cooperat(?:ion|ing|es?)|collaborat(?:ion|ing|es?))\s+with\s+(?:tencent|wechat|weixin)\b|\b(?:official|authori[sz]ed)\s+(?:tencent|wechat|weixin)\s+(?:service\s+provider|reseller|agent|vendor)\b/giu;

/** Punctuation and spaces that join a phrase to the rest of a text; the suggestion removes them with it. */
export const JOINING_PUNCTUATION: ReadonlySet<string> = new Set([
  ' ',
  '\t',
  '\u3000',
  '\u00a0',
  ',',
  '，',
  '、',
  ';',
  '；',
  ':',
  '：',
  '|',
  '｜',
  '·',
  '•',
  '・',
  '/',
  '／',
  '-',
  '–',
  '—',
  '~',
  '～',
]);

/** Brackets that may wrap a phrase: `【腾讯官方合作】`, `(Tencent partner)`; removed with it. */
export const WRAPPING_BRACKETS: Readonly<Record<string, string>> = {
  '(': ')',
  '（': '）',
  '[': ']',
  '【': '】',
  '「': '」',
  '『': '』',
  '《': '》',
  '〈': '〉',
  '“': '”',
  '‘': '’',
};
