const Config = require('../config');
const { mpRequest } = require('../lib/http');

async function startLogin(sessionId) {
  // violation: no-platform-login-automation (the URL comes from the config module, the request from the helper)
  return mpRequest({ url: `${Config.api.bizlogin}?action=startlogin`, data: { sessionid: sessionId } });
}

module.exports = { startLogin };
