import express from 'express';
import OAuth from 'wechat-oauth';
import { wechatConfig } from '../config.js';

const client = new OAuth(wechatConfig.appid, process.env.WECHAT_APP_SECRET);
export const router = express.Router();

// A dedicated login route: the user asked to sign in, so asking for the profile here is their own request.
router.get('/login', (req, res) => {
  const url = client.getAuthorizeURL('https://shop.example.com/oauth/callback', 'login', 'snsapi_userinfo');
  res.redirect(url);
});

router.get('/oauth/callback', (req, res) => {
  client.getUserByCode(req.query.code, (err, user) => {
    if (err) return res.status(500).send('login failed');
    console.log('user logged in', user.openid, user.nickname); // violation: no-plaintext-user-data
    res.cookie('openid', user.openid); // violation: no-plaintext-user-data
    // The target comes from the query string: it can send the visitor anywhere.
    res.redirect(req.query.next); // violation: no-auto-redirect
  });
});

// Hands the OAuth token back to the browser.
router.get('/oauth/token', (req, res) => {
  client.getAccessToken(req.query.code, (err, result) => {
    if (err) return res.status(500).end();
    res.json({ openid: result.data.openid, access_token: result.data.access_token }); // violation: no-plaintext-user-data
  });
});
