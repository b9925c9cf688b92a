import express from 'express';
import { db } from '../services/db.js';

export const router = express.Router();

// "Who viewed my page": records every visitor's openid against the profile they looked at.
router.post('/profiles/:ownerId/visit', async (req, res) => {
  await db.query('INSERT INTO profile_visits (owner_id, viewer_openid, viewed_at) VALUES (?, ?, NOW())', [
    req.params.ownerId,
    req.session.openid,
  ]); // violation: no-visitor-tracking
  res.sendStatus(204);
});

router.get('/profiles/:ownerId/visitors', async (req, res) => {
  const [rows] = await db.query('SELECT viewer_openid, viewed_at FROM profile_visits WHERE owner_id = ?', [
    req.params.ownerId,
  ]);
  res.json(rows); // violation: no-visitor-tracking (returns the list of viewers)
});
