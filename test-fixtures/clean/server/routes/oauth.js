import express from 'express';
import OAuth from 'wechat-oauth';
import { wechatConfig } from '../config.js';
import { maskOpenid } from '../mask.js';

const client = new OAuth(wechatConfig.appid, wechatConfig.appsecret);
export const router = express.Router();
const SAFE_PATHS = new Set(['/', '/orders', '/profile']);

// The user pressed "log in with WeChat" on a page that explains what the profile is used for.
router.get('/login', (req, res) => {
  res.redirect(client.getAuthorizeURL('https://shop.example.com/oauth/callback', 'login', 'snsapi_userinfo'));
});

router.get('/oauth/callback', (req, res) => {
  client.getUserByCode(req.query.code, (err, user) => {
    if (err) return res.status(500).send('login failed');
    console.log('user logged in', maskOpenid(user.openid));
    res.cookie('sid', req.sessionID, { signed: true, httpOnly: true, secure: true, sameSite: 'lax' });
    // Only known paths of our own site.
    const next = SAFE_PATHS.has(req.query.next) ? req.query.next : '/';
    res.redirect(next);
  });
});
