import express from 'express';
import axios from 'axios';
import { api } from '../wechat/client.js';

export const router = express.Router();

// Profiles in batches of 100, the limit of user/info/batchget.
router.get('/admin/followers', async (req, res) => {
  const { data } = await api.getFollowers();
  const profiles = [];
  for (let start = 0; start < data.openid.length; start += 100) {
    const { user_info_list: batch } = await api.batchGetUsers(data.openid.slice(start, start + 100));
    profiles.push(...batch);
  }
  res.json(profiles.length);
});

// Our own order service, over HTTPS.
router.post('/orders/notify', async (req, res) => {
  await axios.post('https://orders.shop.example.com/hook', { orderId: req.body.orderId });
  res.sendStatus(204);
});

router.get('/health', (req, res) => res.json({ ok: true }));
