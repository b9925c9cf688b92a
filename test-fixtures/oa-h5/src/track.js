import axios from 'axios';
import { getSession } from './utils/session.js';

// Heat maps of every visitor's clicks.
export function initTracking() {
  const script = document.createElement('script');
  script.src = 'https://static.hotjar.com/c/hotjar-3512345.js?sv=6'; // violation: no-visitor-tracking (session replay / heat-map SDK)
  document.head.appendChild(script);

  // Tells a profile's owner who looked at it.
  document.querySelectorAll('.profile-card').forEach((card) => {
    card.addEventListener('click', () => {
      const { openid } = getSession();
      axios.post('/api/profile-views', { viewer: openid, owner: card.dataset.ownerId }); // violation: no-visitor-tracking
    });
  });

  // Analytics with the visitor's identity.
  const { openid } = getSession();
  window.gtag('config', 'G-SHOP2026', { user_id: openid }); // violation: no-user-data-to-third-party
}
