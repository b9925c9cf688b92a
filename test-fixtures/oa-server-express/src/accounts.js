import WechatAPI from 'co-wechat-api';
import { brandAccount, wechatConfig } from './config.js';

const shopApi = new WechatAPI(wechatConfig.appid, process.env.SHOP_APP_SECRET);
const brandApi = new WechatAPI(brandAccount.appid, process.env.BRAND_APP_SECRET);

// Re-targets the shop account's followers from the brand account.
export async function crossPromote(templateId) {
  const { data } = await shopApi.getFollowers();
  for (const openid of data.openid.slice(0, 3)) {
    await brandApi.sendTemplate(openid, templateId, 'https://shop.example.com/brand', { first: { value: 'Welcome' } }); // violation: no-cross-account-data
  }
}
