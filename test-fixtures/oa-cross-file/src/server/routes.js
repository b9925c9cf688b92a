const express = require('express');
const { fetchToken } = require('./token');
const followerProfile = require('./notify');

const router = express.Router();

router.post('/profiles', async (req, res) => {
  // violation: no-uncached-access-token (a fresh token per request, through the token module)
  const { access_token: token } = await fetchToken();
  const profiles = [];
  for (const openid of req.body.openids) {
    // violation: no-api-call-in-loop (one user/info call per follower, through the notify module)
    profiles.push(await followerProfile(token, openid));
  }
  res.json(profiles);
});

module.exports = router;
