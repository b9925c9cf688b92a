import { describe, expect, it } from 'vitest';
import { cookedOffsets } from '../../src/util/cooked-offsets.js';

// raw source text (between the quotes), its value, template mode → where each value character starts in raw.
describe('cookedOffsets', () => {
  it.each([
    ['abc', 'abc', false, [0, 1, 2, 3]],
    ['a\\nb', 'a\nb', false, [0, 1, 3, 4]],
    ['\\u817e讯', '腾讯', false, [0, 6, 7]],
    ['\\u{1F600}!', '\u{1F600}!', false, [0, 0, 9, 10]],
    ['\\x41B', 'AB', false, [0, 4, 5]],
    ["it\\'s", "it's", false, [0, 1, 2, 4, 5]],
    ['a\\\nb', 'ab', false, [0, 3, 4]],
    ['\\0x', '\0x', false, [0, 2, 3]],
    ['\\101', 'A', false, [0, 4]],
    ['😀', '😀', false, [0, 1, 2]],
    ['a\r\nb', 'a\nb', true, [0, 1, 3, 4]],
    ['\\`x\\${', '`x${', true, [0, 2, 3, 5, 6]],
  ] as const)('%j → %j', (raw, value, template, expected) => {
    expect(cookedOffsets(raw, value, template)).toEqual(expected);
  });

  it('gives no map when the raw text does not decode to the value', () => {
    expect(cookedOffsets('abc', 'abcd')).toBeUndefined();
  });
});
