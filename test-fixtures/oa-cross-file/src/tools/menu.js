import config from '../config/index.js';
import { getJson } from '../lib/http.js';
import { postForm } from '../lib/wrapped.js';

export async function publishMenu(token) {
  // violation: valid-api-request (menu/create takes a POST, the helper sends a GET)
  return getJson(`${config.api.menuCreate}?access_token=${token}`);
}

export async function reportVisit(visitor) {
  // violation: require-https, no-user-data-to-third-party (a phone number over http to another host: the host comes from the config module, the request from a wrapper of a wrapper)
  return postForm(`${config.statsHost}/visit`, { phone: visitor.phoneNumber });
}
