import React from 'react';

export function Header({ shopName, onShare }) {
  return (
    <header className="shop-header official-partner-badge">
      <h1>{shopName}</h1>
      <p>关注我们的微信公众号，支持微信支付</p>
      <button type="button" onClick={onShare} aria-label="Share to WeChat">
        Share to WeChat
      </button>
      <a href="/about">了解更多</a>
    </header>
  );
}
