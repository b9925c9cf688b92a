const Config = require('../config');
const { getJson } = require('../lib/http');

// Asks the platform for a fresh access token on every call.
// violation: no-uncached-access-token (the request is made by the helper of src/lib/http.js)
exports.fetchToken = function fetchToken() {
  return getJson(`${Config.api.token}?grant_type=client_credential&appid=${process.env.WX_APPID}&secret=${process.env.WX_SECRET}`);
};
