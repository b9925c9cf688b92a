// Writes a generated project of realistic WeChat Official Account code (Express/Koa back ends, H5 pages with the
// JS-SDK, React components) for benchmarks. Deterministic: the same seed writes the same files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prng } from '../lib-prng.mjs';


const NOUNS = ['order', 'member', 'coupon', 'article', 'booking', 'ticket', 'profile', 'survey', 'store', 'event'];

function expressRoutes(name, rand) {
  const n = NOUNS[Math.floor(rand() * NOUNS.length)];
  return `const express = require('express');
const WechatAPI = require('co-wechat-api');
const OAuth = require('wechat-oauth');
const axios = require('axios');
const db = require('../db');

const router = express.Router();
const api = new WechatAPI(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);
const oauth = new OAuth(process.env.WECHAT_APPID, process.env.WECHAT_SECRET);
const cache = { token: null, expiresAt: 0 };

async function getToken() {
  if (cache.token && cache.expiresAt > Date.now()) return cache.token;
  const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token', {
    params: { grant_type: 'client_credential', appid: process.env.WECHAT_APPID, secret: process.env.WECHAT_SECRET },
  });
  cache.token = data.access_token;
  cache.expiresAt = Date.now() + (data.expires_in - 300) * 1000;
  return cache.token;
}

router.get('/${name}/login', (req, res) => {
  const url = oauth.getAuthorizeURL('https://example.com/${name}/callback', 'state', 'snsapi_base');
  res.redirect(url);
});

router.get('/${name}/callback', async (req, res, next) => {
  try {
    const result = await oauth.getAccessToken(req.query.code);
    req.session.openid = result.data.openid;
    res.redirect('/${name}');
  } catch (error) {
    next(error);
  }
});

router.get('/${name}/${n}s', async (req, res) => {
  const page = Number(req.query.page || 1);
  const items = await db.${n}.findMany({ where: { openid: req.session.openid }, skip: (page - 1) * 20, take: 20 });
  res.json({ items: items.map((item) => ({ id: item.id, title: item.title, createdAt: item.createdAt })) });
});

router.post('/${name}/${n}s', async (req, res) => {
  const { title, note } = req.body;
  if (!title || title.length > 120) return res.status(400).json({ error: 'invalid title' });
  const item = await db.${n}.create({ data: { title, note, openid: req.session.openid } });
  await api.sendTemplate(req.session.openid, process.env.TPL_${n.toUpperCase()}_CREATED, '/${name}/${n}s/' + item.id, {
    first: { value: '您的${n}已创建' },
    keyword1: { value: item.title },
    keyword2: { value: new Date(item.createdAt).toLocaleString('zh-CN') },
    remark: { value: '点击查看详情' },
  });
  res.status(201).json({ id: item.id });
});

router.get('/${name}/users', async (req, res) => {
  const token = await getToken();
  const openids = (req.query.ids || '').split(',').filter(Boolean).slice(0, 100);
  const { data } = await axios.post('https://api.weixin.qq.com/cgi-bin/user/info/batchget?access_token=' + token, {
    user_list: openids.map((openid) => ({ openid, lang: 'zh_CN' })),
  });
  res.json(data.user_info_list.map((user) => ({ subscribed: user.subscribe === 1 })));
});

module.exports = router;
`;
}

function koaMessages(name) {
  return `import Router from '@koa/router';
import wechat from 'co-wechat';
import { moderateText } from '../services/moderation.js';
import { saveMessage } from '../services/messages.js';

const router = new Router({ prefix: '/${name}' });
const config = { token: process.env.WECHAT_TOKEN, appid: process.env.WECHAT_APPID, encodingAESKey: process.env.WECHAT_AES_KEY };

router.all('/wechat', wechat(config).middleware(async (message, ctx) => {
  switch (message.MsgType) {
    case 'event':
      if (message.Event === 'subscribe') return '欢迎关注！回复“帮助”查看功能。';
      if (message.Event === 'unsubscribe') {
        await saveMessage({ openid: message.FromUserName, type: 'unsubscribe' });
        return '';
      }
      return '';
    case 'text': {
      const verdict = await moderateText(message.Content);
      if (!verdict.ok) return '内容未通过审核';
      await saveMessage({ openid: message.FromUserName, type: 'text', length: message.Content.length });
      return '收到：' + message.Content.slice(0, 50);
    }
    default:
      return '暂不支持该消息类型';
  }
}));

export default router;
`;
}

function h5Page(name, rand) {
  const n = NOUNS[Math.floor(rand() * NOUNS.length)];
  return `import wx from 'weixin-js-sdk';
import { api } from './api.js';
import { askConsent } from './consent.js';

async function setupJssdk() {
  const config = await api.get('/jssdk/config?url=' + encodeURIComponent(location.href.split('#')[0]));
  wx.config({ ...config, jsApiList: ['updateAppMessageShareData', 'getLocation', 'chooseImage'] });
}

wx.ready(() => {
  wx.updateAppMessageShareData({ title: '${n} — ${name}', desc: '邀请你一起参加', link: location.origin + '/${name}', imgUrl: location.origin + '/share.png' });
});

document.querySelector('#locate-${name}').addEventListener('click', () => {
  wx.getLocation({
    type: 'gcj02',
    success(res) {
      api.post('/${name}/nearby', { latitude: res.latitude, longitude: res.longitude }).then(render);
    },
  });
});

document.querySelector('#photo-${name}').addEventListener('click', async () => {
  if (!(await askConsent('photos'))) return;
  wx.chooseImage({ count: 1, success: (res) => upload(res.localIds[0]) });
});

function upload(localId) {
  wx.uploadImage({ localId, isShowProgressTips: 1, success: (res) => api.post('/${name}/photos', { serverId: res.serverId }) });
}

function render(items) {
  const list = document.querySelector('#list-${name}');
  list.innerHTML = '';
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = item.title + ' · ' + item.distance + 'm';
    list.appendChild(li);
  }
}

document.querySelector('#go-${name}').addEventListener('click', () => {
  location.href = '/${name}/detail?id=' + encodeURIComponent(document.querySelector('#id-${name}').value);
});

setupJssdk().catch((error) => console.error('jssdk', error.message));
`;
}

function reactComponent(name, rand) {
  const n = NOUNS[Math.floor(rand() * NOUNS.length)];
  const Name = name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
  return `import React, { useEffect, useState } from 'react';

export function ${Name}List({ api }) {
  const [items, setItems] = useState([]);
  const [error, setError] = useState(null);

  useEffect(() => {
    let cancelled = false;
    api.get('/${name}/${n}s').then((data) => { if (!cancelled) setItems(data.items); }, setError);
    return () => { cancelled = true; };
  }, [api]);

  if (error) return <p className="error">加载失败，请稍后再试</p>;
  return (
    <section className="${name}">
      <h2 title="${n} list">我的${n}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a href={'/${name}/${n}s/' + item.id}>{item.title}</a>
            <button type="button" onClick={() => api.del('/${name}/${n}s/' + item.id).then(() => setItems(items.filter((i) => i.id !== item.id)))}>删除</button>
          </li>
        ))}
      </ul>
      <footer>分享到微信 · 关注我们的公众号</footer>
    </section>
  );
}
`;
}

const KINDS = [
  ['server/routes', '.js', expressRoutes],
  ['server/messages', '.mjs', koaMessages],
  ['web/pages', '.js', h5Page],
  ['web/components', '.jsx', reactComponent],
];

/** Writes `count` files under `dir` (emptied first); returns the file paths. */
export function generateProject(dir, count = 200, seed = 1) {
  rmSync(dir, { recursive: true, force: true });
  const rand = prng(seed);
  const files = [];
  for (let index = 0; index < count; index++) {
    const [folder, extension, template] = KINDS[index % KINDS.length];
    const name = `${NOUNS[index % NOUNS.length]}-${index}`;
    const file = path.join(dir, folder, `${name}${extension}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, template(name, rand));
    files.push(file);
  }
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-project', private: true, type: 'commonjs' }, null, 2));
  return files;
}

/** One realistic file repeated `times` times (names made unique), for the scaling benchmark. */
export function scaledFile(times) {
  const rand = prng(7);
  const parts = [];
  for (let index = 0; index < times; index++) {
    parts.push(h5Page(`part-${index}`, rand).replace(/^import .*$/gmu, '').replace(/function (\w+)/gu, `function $1_${index}`).replace(/\b(upload|render|setupJssdk)\(/gu, `$1_${index}(`));
  }
  return `import wx from 'weixin-js-sdk';\nimport { api } from './api.js';\nimport { askConsent } from './consent.js';\n${parts.join('\n')}`;
}
