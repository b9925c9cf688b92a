import { jump } from './does-not-exist.js';
import { fromA } from './cycle-a.js';

jump('https://partner-shop.example.com/');
fromA('/home');
