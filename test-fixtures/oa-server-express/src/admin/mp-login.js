import axios from 'axios';
import md5 from 'md5';

// Logs in to mp.weixin.qq.com on behalf of the operator to scrape statistics.
export async function loginToPlatform(username, password) {
  const response = await axios.post(
    'https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin',
    new URLSearchParams({ username, pwd: md5(password), imgcode: '', f: 'json' }),
    { headers: { Referer: 'https://mp.weixin.qq.com/' } },
  ); // violation: no-platform-login-automation
  const cookies = response.headers['set-cookie'];
  const slaveSid = cookies.find((cookie) => cookie.startsWith('slave_sid=')); // violation: no-platform-login-automation
  return { slaveSid };
}

export async function fetchHome(session) {
  const page = await axios.get(`https://mp.weixin.qq.com/cgi-bin/home?t=home/index&lang=zh_CN&token=${session.token}`, {
    headers: { Cookie: `slave_sid=${session.slaveSid}` },
  }); // violation: no-platform-login-automation
  return page.data;
}
