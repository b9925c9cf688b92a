import wx from 'weixin-js-sdk';
import axios from 'axios';
import { askPrivacyConsent } from './consent.js';

const { data: signature } = await axios.get('/api/jssdk/signature', {
  params: { url: location.href.split('#')[0] },
});

wx.config({
  appId: signature.appId,
  timestamp: signature.timestamp,
  nonceStr: signature.nonceStr,
  signature: signature.signature,
  jsApiList: ['getLocation', 'updateAppMessageShareData'],
});

wx.ready(() => {
  wx.updateAppMessageShareData({
    title: '春季上新',
    desc: '分享给朋友',
    link: `${location.origin}/spring`,
    imgUrl: `${location.origin}/img/share.png`,
  });
});

// The user asks for nearby stores, agrees to the purpose, then we locate them.
document.querySelector('#find-stores')?.addEventListener('click', async () => {
  if (!(await askPrivacyConsent('location'))) return;
  wx.getLocation({
    type: 'gcj02',
    success: ({ latitude, longitude }) => axios.post('/api/stores/nearby', { latitude, longitude }),
  });
});

// Leaving for the campaign page happens only when the user taps the banner.
document.querySelector('#promo-banner')?.addEventListener('click', () => {
  window.location.href = 'https://promo.partner.example.org/spring';
});

// Relative navigation at load is our own site.
if (location.pathname === '/index.html') location.replace('/');

export const links = {
  article: 'https://mp.weixin.qq.com/s/AbCdEf123',
  local: 'http://localhost:8080/dev',
};
