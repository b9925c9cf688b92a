import express from 'express';
import { api } from '../wechat/client.js';

export const router = express.Router();
const SHIPPED_TEMPLATE = process.env.WECHAT_TEMPLATE_SHIPPED;

// A service notification triggered by this user's own order.
router.post('/orders/:id/shipped', async (req, res) => {
  const order = req.body;
  await api.sendTemplate(order.openid, SHIPPED_TEMPLATE, `https://shop.example.com/orders/${order.id}`, {
    first: { value: '您的订单已发货' },
    keyword1: { value: order.id },
    keyword2: { value: order.carrier },
    remark: { value: '如有疑问请联系客服' },
  });
  res.sendStatus(204);
});
