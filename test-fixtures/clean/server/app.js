import express from 'express';
import cookieParser from 'cookie-parser';
import { router as messages } from './routes/messages.js';
import { router as oauth } from './routes/oauth.js';
import { router as template } from './routes/template.js';
import { router as users } from './routes/users.js';

const app = express();
app.use(express.json());
app.use(cookieParser(process.env.COOKIE_SECRET));
app.use(messages, oauth, template, users);

// Moved pages stay on our own site.
app.get('/mall', (req, res) => res.redirect(301, '/shop'));

app.get('/about', (req, res) => {
  res.send(`<h1>Shop Example</h1>
<p>关注我们的微信公众号：shop-example。支持微信支付。</p>
<p>Share to WeChat to tell your friends.</p>`);
});

app.listen(Number(process.env.PORT ?? 3000));
