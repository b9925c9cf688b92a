import express from 'express';
import cookieParser from 'cookie-parser';
import OAuth from 'wechat-oauth';
import { wechatConfig } from './config.js';
import { router as messages } from './routes/messages.js';
import { router as oauth } from './routes/oauth.js';
import { router as template } from './routes/template.js';
import { router as users } from './routes/users.js';
import { router as visits } from './routes/visits.js';
import { aboutPage } from './views/about.js';

const app = express();
const oauthClient = new OAuth(wechatConfig.appid, process.env.WECHAT_APP_SECRET);
app.use(express.json());
app.use(cookieParser(process.env.COOKIE_SECRET));

// Every page first bounces visitors without a cookie through the profile-scope OAuth screen.
app.use((req, res, next) => {
  if (req.cookies.openid) return next();
  const url = oauthClient.getAuthorizeURL(`https://shop.example.com${req.originalUrl}`, 'auto', 'snsapi_userinfo'); // violation: require-consent
  res.redirect(url);
});

app.use(messages, oauth, template, users, visits);
app.get('/about', (req, res) => res.send(aboutPage('Shop Example')));

// The old domain moved: everything goes to the partner mall.
app.get('/mall', (req, res) => {
  res.redirect('https://mall.partner.example.org/'); // violation: no-auto-redirect
});

app.listen(Number(process.env.PORT ?? 3000));
