const axios = require('axios');

// Reads one follower's profile.
async function followerProfile(token, openid) {
  const response = await axios.get(`https://api.weixin.qq.com/cgi-bin/user/info?access_token=${token}&openid=${openid}&lang=zh_CN`);
  return response.data;
}

module.exports = followerProfile;
