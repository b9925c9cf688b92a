import express from 'express';
import axios from 'axios';
import * as Sentry from '@sentry/node';
import WechatAPI from 'co-wechat-api';
import { api } from '../wechat/client.js';
import { wechatConfig } from '../config.js';

export const router = express.Router();

// Loads every follower's profile one call at a time.
router.get('/admin/followers', async (req, res) => {
  const { data } = await api.getFollowers();
  const profiles = [];
  for (const openid of data.openid) {
    profiles.push(await api.getUser(openid)); // violation: no-api-call-in-loop
  }
  res.json(profiles);
});

router.get('/admin/followers/fast', async (req, res) => {
  const { data } = await api.getFollowers();
  const profiles = await Promise.all(data.openid.map((openid) => api.getUser(openid))); // violation: no-api-call-in-loop
  res.json(profiles);
});

router.get('/admin/followers/batch', async (req, res) => {
  const { data } = await api.getFollowers();
  // batchget takes at most 100 openids per call.
  const profiles = await api.batchGetUsers(data.openid.slice(0, 500)); // violation: no-api-call-in-loop
  res.json(profiles);
});

// Pushes each member to the marketing CRM of a third party.
router.post('/members/sync', async (req, res) => {
  const user = await api.getUser(req.body.openid);
  Sentry.setUser({ id: user.openid }); // violation: no-user-data-to-third-party
  await axios.post('https://api.crm-partner.example.net/v1/contacts', {
    openid: user.openid,
    city: user.city,
  }); // violation: no-user-data-to-third-party
  res.sendStatus(204);
});

// Plain-HTTP callback to the order system with the member's openid in the query.
router.post('/orders/notify', async (req, res) => {
  await axios.get(`http://orders.shop.example.com/hook?openid=${req.body.openid}`); // violation: require-https
  res.sendStatus(204);
});

// A new SDK client per request, without getToken/saveToken: every request fetches a new access_token.
router.get('/me', async (req, res) => {
  const perRequestApi = new WechatAPI(wechatConfig.appid, process.env.WECHAT_APP_SECRET); // violation: no-uncached-access-token
  res.json(await perRequestApi.getUser(req.session.openid));
});
