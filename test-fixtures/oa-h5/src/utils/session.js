// The OAuth callback put the visitor's identity in the URL; keep it for later pages.
export function saveSession() {
  const params = new URLSearchParams(location.search);
  const openid = params.get('openid');
  if (openid) {
    localStorage.setItem('openid', openid); // violation: no-plaintext-user-data
    document.cookie = `openid=${openid}; path=/`; // violation: no-plaintext-user-data
  }
}

export function getSession() {
  return { openid: localStorage.getItem('openid') };
}
