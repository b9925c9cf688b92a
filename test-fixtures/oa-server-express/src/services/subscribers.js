import Redis from 'ioredis';
import { db } from './db.js';

const redis = new Redis(process.env.REDIS_URL);

// Follow and unfollow events: the follower's profile is cached while they follow the account and removed when
// they unfollow (the deletion path S4 asks for).
export async function onFollowEvent(message) {
  const key = `subscriber:${message.FromUserName}`;
  if (message.Event === 'subscribe') {
    await redis.hset(key, { openid: message.FromUserName, since: Date.now() });
  } else if (message.Event === 'unsubscribe') {
    await redis.del(key);
    await db.query('DELETE FROM coupons_claimed WHERE openid = ?', [message.FromUserName]);
  }
}

// Coupon claims are kept in MySQL and deleted with the follower above.
export async function recordClaim(openid, couponId) {
  await db.query('INSERT INTO coupons_claimed (openid, coupon_id, claimed_at) VALUES (?, ?, NOW())', [openid, couponId]);
}
