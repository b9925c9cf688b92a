/**
 * Maps offsets in a string literal's value (cooked) to offsets in its source text (raw, without the quotes), so
 * that a fix can edit part of a literal and keep every escape as written. `map[i]` is where the source of value
 * character `i` starts; `map[value.length]` is `raw.length`. Returns undefined when the raw text does not decode
 * to `value` (a parser quirk): callers then offer no edit rather than a wrong one.
 *
 * `template` selects template-literal rules: CRLF in the source is LF in the value.
 */
export function cookedOffsets(raw: string, value: string, template = false): number[] | undefined {
  const map: number[] = [];
  let index = 0;
  while (index < raw.length) {
    const char = raw[index];
    if (char !== '\\') {
      if (template && char === '\r' && raw[index + 1] === '\n') {
        map.push(index);
        index += 2;
      } else {
        map.push(index);
        index++;
      }
      continue;
    }
    const next = raw[index + 1];
    let length = 2;
    let units = 1;
    if (next === 'x') length = 4;
    else if (next === 'u' && raw[index + 2] === '{') {
      const close = raw.indexOf('}', index + 3);
      if (close === -1) return undefined;
      length = close - index + 1;
      units = Number.parseInt(raw.slice(index + 3, close), 16) > 0xffff ? 2 : 1;
    } else if (next === 'u') length = 6;
    else if (next === '\r') {
      // Line continuation: no character in the value.
      length = raw[index + 2] === '\n' ? 3 : 2;
      units = 0;
    } else if (next === '\n' || next === '\u2028' || next === '\u2029') units = 0;
    else if (next !== undefined && next >= '0' && next <= '7') {
      // Legacy octal escapes of sloppy-mode strings: up to three digits, value at most 0o377.
      while (length < 4 && raw[index + length] >= '0' && raw[index + length] <= '7') {
        if (Number.parseInt(raw.slice(index + 1, index + length + 1), 8) > 0o377) break;
        length++;
      }
    } else if (next !== undefined && next >= '\ud800' && next <= '\udbff') {
      length = 3;
      units = 2;
    }
    for (let unit = 0; unit < units; unit++) map.push(index);
    index += length;
  }
  map.push(raw.length);
  return map.length === value.length + 1 ? map : undefined;
}
