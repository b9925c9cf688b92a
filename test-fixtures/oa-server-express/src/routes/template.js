import express from 'express';
import { api } from '../wechat/client.js';

export const router = express.Router();
const PROMO_TEMPLATE = 'k3Rj0Zb2mPq9xYw8vUt7sRq6pOn5mLk4jIh3gFe2dCb';

// Double-eleven campaign: a red packet to every follower.
router.post('/admin/campaign', async (req, res) => {
  const { data } = await api.getFollowers();
  for (const openid of data.openid) {
    await api.sendTemplate(openid, PROMO_TEMPLATE, 'https://shop.example.com/sale', {
      first: { value: '双十一限时秒杀，红包已到账！' },
      keyword1: { value: '满100减50优惠券' },
      remark: { value: '点击领取' },
    }); // violation: valid-template-message (marketing content; broadcast over the follower list)
  }
  res.sendStatus(202);
});

// A template send with no recipient.
router.post('/orders/:id/shipped', async (req, res) => {
  await api.sendTemplate(undefined, PROMO_TEMPLATE, 'https://shop.example.com/orders', {
    first: { value: 'Your order has shipped' },
  }); // violation: valid-template-message (missing touser)
  res.sendStatus(204);
});
