// Server-rendered pages of the shop.
export function aboutPage(shopName) {
  return `<!doctype html>
<html lang="zh-CN">
  <head><title>${shopName} · 关于我们</title></head>
  <body>
    <h1>${shopName}</h1>
    <p>腾讯官方合作伙伴，微信官方认证服务商。</p>
    <p>关注我们的微信公众号：shop-example，支持微信支付。</p>
  </body>
</html>`; // violation: no-affiliation-claim
}

export const footer = {
  copyright: '© 2026 Shop Example',
  badge: 'Official WeChat Partner', // violation: no-affiliation-claim
  share: 'Share to WeChat',
};
