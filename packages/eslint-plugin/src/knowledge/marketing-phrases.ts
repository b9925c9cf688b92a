/**
 * Marketing words that have no place in a template message (clause S11: template messages are service
 * notifications; "no ads, marketing, red packets, coupons, vouchers" — the Template Message operation rules
 * rules https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Operation_Specifications.html).
 * Simplified Chinese, Traditional Chinese and English. `valid-template-message` reads this catalog.
 *
 * Words that a service notification needs stay out: "订单" (order), "优惠" alone (an order receipt may state the
 * amount saved), "sale" alone (point-of-sale receipts say "sale") — only marketing uses ("flash sale", "on sale").
 *
 * One regex literal so eslint-plugin-regexp checks it: alternatives of fixed words, optional single words
 * between them, no nested quantifiers (linear on any input).
 */
export const MARKETING_PATTERN =
  /红包|紅包|优惠券|優惠券|优惠劵|代金券|抵用券|现金券|現金券|礼券|禮券|促销|促銷|大促|限时(?:抢购|优惠|特价|折扣|秒杀)?|限時(?:搶購|優惠|特價|折扣|秒殺)?|折扣|打折|秒杀|秒殺|抢购|搶購|特价|特價|满减|滿減|清仓|清倉|抽奖|抽獎|返现|返現|免费领|免費領|领券|領券|\bcoupons?\b|\bvouchers?\b|\bdiscount(?:s|ed)?\b|\bcashback\b|\bred\s+packets?\b|\bpromo(?:tion|tions|tional|s)?\b|\blimited[\s-]time\s+(?:offer|deal|sale)s?\b|\b(?:flash|big|mega|huge|clearance|holiday|summer|winter|spring|year-end)\s+sales?\b|\bon\s+sale\b|\bbuy\s+now\b|\bfree\s+gifts?\b|\b\d{1,2}\s?%\s?off\b/iu;

/** The first marketing phrase in `text`, or undefined. */
export function findMarketingPhrase(text: string): string | undefined {
  return MARKETING_PATTERN.exec(text)?.[0];
}
