import express from 'express';
import wechat from 'wechat';
import axios from 'axios';
import { wechatConfig } from '../config.js';
import { api, getAccessToken } from '../wechat/client.js';

export const router = express.Router();

// Inbound messages from followers. Any text a follower sends is re-broadcast to everyone as a "wall" post.
router.use(
  '/wechat',
  wechat({ token: process.env.WECHAT_TOKEN, appid: wechatConfig.appid, encodingAESKey: process.env.WECHAT_AES_KEY }).text(
    async (message, req, res) => {
      await api.massSendText(message.Content, true); // violation: require-content-check
      res.reply('收到！');
    },
  ).middleware(),
);

// Raw API calls next to the SDK.
router.post('/admin/menu', async (req, res) => {
  const token = await getAccessToken(); // violation: no-uncached-access-token (a fresh token per request, through src/wechat/client.js)
  await axios.post(`https://api.weixin.qq.com/cgi-bin/menu/creat?access_token=${token}`, req.body); // violation: valid-api-request (near miss of menu/create)
  await axios.post('https://api.weixin.qq.com/wxa/msg_sec_check', { content: req.body.name }); // violation: valid-api-request (mini program only; no access_token)
  await axios.get(`http://api.weixin.qq.com/cgi-bin/get_current_selfmenu_info?access_token=${token}`); // violation: require-https
  res.sendStatus(204);
});

// Comment replies published as the account, straight from the request body.
router.post('/admin/comments/:id/reply', async (req, res) => {
  const token = await getAccessToken(); // violation: no-uncached-access-token (through src/wechat/client.js)
  await axios.post(`https://api.weixin.qq.com/cgi-bin/comment/reply/add?access_token=${token}`, {
    msg_data_id: req.params.id,
    index: 0,
    user_comment_id: req.body.commentId,
    content: req.body.content,
  }); // violation: require-content-check
  res.sendStatus(204);
});
