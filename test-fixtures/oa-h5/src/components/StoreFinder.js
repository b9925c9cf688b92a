import React, { useEffect, useState } from 'react';
import wx from 'weixin-js-sdk';

// JSX in a .js file, as many React projects write it. Locates the user when the component mounts.
export function StoreFinder() {
  const [position, setPosition] = useState(null);
  useEffect(() => {
    wx.getLocation({ type: 'wgs84', success: setPosition }); // violation: require-consent
  }, []);
  return <p className="stores">{position ? `${position.latitude}, ${position.longitude}` : '正在定位…'}</p>;
}
