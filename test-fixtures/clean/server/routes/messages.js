import express from 'express';
import wechat from 'wechat';
import { wechatConfig } from '../config.js';
import { api } from '../wechat/client.js';

export const router = express.Router();

async function moderateText(text) {
  const response = await fetch('https://moderation.shop.example.com/v1/check', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  return (await response.json()).pass === true;
}

// Follower messages get a reply; they are published only after moderation passes.
router.use(
  '/wechat',
  wechat({ token: wechatConfig.token, appid: wechatConfig.appid, encodingAESKey: wechatConfig.encodingAESKey }).text(
    async (message, req, res) => {
      if (await moderateText(message.Content)) {
        await api.sendText(message.FromUserName, '感谢留言，审核通过后将展示在留言墙。');
      }
      res.reply('收到！');
    },
  ).middleware(),
);
