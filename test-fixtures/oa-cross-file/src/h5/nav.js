// Navigation helpers for the H5 pages.
export function go(url) {
  window.location.href = url;
}

export function goHome() {
  window.location.href = '/';
}
