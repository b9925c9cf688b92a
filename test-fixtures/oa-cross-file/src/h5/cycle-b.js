import { fromA } from './cycle-a.js';

export function fromB(url) {
  return url ? fromA(url) : '';
}
