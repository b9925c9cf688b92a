// Endpoints the tools use, kept in one place.
const MP = 'https://mp.weixin.qq.com';

module.exports = {
  api: {
    bizlogin: `${MP}/cgi-bin/bizlogin`,
    token: 'https://api.weixin.qq.com/cgi-bin/token',
    menuCreate: 'https://api.weixin.qq.com/cgi-bin/menu/create',
  },
  partnerLanding: 'https://partner-shop.example.com/welcome',
  statsHost: 'http://stats.example.com',
};
