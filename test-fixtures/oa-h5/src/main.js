import wx from 'weixin-js-sdk';
import axios from 'axios';
import { initTracking } from './track.js';

// The signature comes from our back end; the page URL without its hash is what was signed.
const { data: signature } = await axios.get('/api/jssdk/signature', {
  params: { url: location.href.split('#')[0] },
});

wx.config({
  debug: false,
  appId: signature.appId,
  timestamp: signature.timestamp,
  nonceStr: signature.nonceStr,
  signature: signature.signature,
  jsApiList: ['getLocation', 'updateAppMessageShareData', 'updateTimelineShareData', 'chooseImage'],
});

wx.ready(() => {
  // Locate the visitor as soon as the page opens, before they have done anything.
  wx.getLocation({
    type: 'gcj02',
    success: ({ latitude, longitude }) => {
      axios.post('/api/stores/nearby', { latitude, longitude });
    },
  }); // violation: require-consent

  wx.updateAppMessageShareData({
    title: '春季上新',
    desc: '分享给朋友',
    link: `${location.origin}/spring`,
    imgUrl: `${location.origin}/img/share.png`,
  });

  // Campaign: send everyone to the partner's landing page.
  window.location.href = 'https://promo.partner.example.org/spring?from=oa'; // violation: no-auto-redirect
});

initTracking();

document.querySelector('#avatar-upload')?.addEventListener('click', () => {
  // A gesture: the user asked to pick a photo.
  wx.chooseImage({ count: 1, success: ({ localIds }) => showPreview(localIds[0]) });
});

function showPreview(localId) {
  const img = document.querySelector('#avatar-preview');
  if (img) img.src = localId;
}
