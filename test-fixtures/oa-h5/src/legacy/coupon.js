// Still shipped: not matched by src/legacy/.gitignore.
export function couponBanner() {
  const banner = document.createElement('div');
  banner.textContent = '腾讯官方合作，领券立减'; // violation: no-affiliation-claim
  document.body.appendChild(banner);
}
