import { describe, expect, it } from 'vitest';
import { findMarketingPhrase } from '../../src/knowledge/marketing-phrases.js';

describe('findMarketingPhrase', () => {
  it.each([
    ['恭喜您获得10元红包', '红包'],
    ['恭喜您獲得紅包', '紅包'],
    ['点击领取优惠券', '优惠券'],
    ['限時搶購，僅此一天', '限時搶購'],
    ['双十一大促，全场5折', '大促'],
    ['Your coupon is waiting', 'coupon'],
    ['Flash sale starts now', 'Flash sale'],
    ['Limited-time offer: 30% off', 'Limited-time offer'],
    ['Get 20% off today', '20% off'],
    ['Claim your red packet', 'red packet'],
  ])('%s → %s', (text, phrase) => {
    expect(findMarketingPhrase(text)).toBe(phrase);
  });

  it.each([
    '您的订单已发货',
    '預約成功，請準時到店',
    'Your order #1234 has shipped',
    'Sale completed at store 12',
    'Wholesale order confirmed',
  ])('%s has none', (text) => {
    expect(findMarketingPhrase(text)).toBeUndefined();
  });
});
