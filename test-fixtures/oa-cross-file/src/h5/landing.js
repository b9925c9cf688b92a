import { go, goHome } from '@/h5';
import { partnerLanding } from '../config';

if (document.referrer === '') {
  // violation: no-auto-redirect (on load, to another site, through the helper and the config module)
  go(partnerLanding);
}

document.querySelector('#home').addEventListener('click', () => goHome());
