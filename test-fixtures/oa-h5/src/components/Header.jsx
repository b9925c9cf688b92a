import React from 'react';

// JSX in a .js-family file: the badge claims an endorsement.
export function Header({ shopName }) {
  return (
    <header className="shop-header">
      <h1>{shopName}</h1>
      <img src="/img/badge.png" alt="微信官方认证" /> {/* violation: no-affiliation-claim */}
      <span className="badge">Endorsed by WeChat</span> {/* violation: no-affiliation-claim */}
      <a href="https://mp.weixin.qq.com/s/AbCdEf123">活动介绍</a>
    </header>
  );
}
