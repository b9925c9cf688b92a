/** Shows our privacy dialog for one purpose and resolves to the user's answer. */
export function askPrivacyConsent(purpose) {
  return new Promise((resolve) => {
    const dialog = document.querySelector(`#consent-${purpose}`);
    dialog.querySelector('.agree').addEventListener('click', () => resolve(true), { once: true });
    dialog.querySelector('.decline').addEventListener('click', () => resolve(false), { once: true });
    dialog.showModal();
  });
}
