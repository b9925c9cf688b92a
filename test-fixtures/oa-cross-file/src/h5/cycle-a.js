import { fromB } from './cycle-b.js';

export function fromA(url) {
  return fromB(url);
}
