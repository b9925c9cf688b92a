import { CATALOG_ROOTS, ENDPOINTS, type Endpoint } from './endpoints.js';

/*
 * Lookups by an already-parsed path (`cgi-bin/user/info`): URLs are split by the one URL parser of the analysis
 * (`parseUrl` in analysis/values.ts; `endpointOfUrl` in analysis/api-calls.ts reads a URL value).
 */

/**
 * The endpoint at `path`. A `relative` path (given to an SDK client whose base is `…/cgi-bin/` or the API
 * host) may leave out the `cgi-bin/` root: `user/info` finds `cgi-bin/user/info`. A path on a full
 * api.weixin.qq.com URL must match exactly.
 */
export function findEndpoint(path: string, options: { relative?: boolean; host?: string } = {}): Endpoint | undefined {
  const host = options.host ?? 'api.weixin.qq.com';
  const exact = ENDPOINTS.get(path);
  if (exact && exact.host === host) return exact;
  if (options.relative) {
    const underCgiBin = ENDPOINTS.get(`cgi-bin/${path}`);
    if (underCgiBin && underCgiBin.host === host) return underCgiBin;
  }
  return undefined;
}

/**
 * Optimal-string-alignment distance (Levenshtein with adjacent transpositions), stopping early once it exceeds
 * `limit`: `sned` → `send` is 1. Paths are short, so the quadratic table is cheap.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) rows[i][j] = i === 0 ? j : 0;
  }
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

/** Largest whole-path edit distance that counts as a near miss (docs/rules/valid-api-request.md). */
export const NEAR_MISS_DISTANCE = 2;

/**
 * A segment is typo'd when it is at most a third of its length away (at least 1, at most 3 edits): catches
 * `templete` for `template` and `batchgett` for `batchget` without pairing unrelated short words.
 */
function isTypoOfSegment(actual: string, known: string): boolean {
  const allowed = Math.min(3, Math.max(1, Math.floor(known.length / 3)));
  return editDistance(actual.toLowerCase(), known, allowed) <= allowed;
}

export interface NearMiss {
  endpoint: Endpoint;
  distance: number;
}

/**
 * The catalogued endpoint that an unknown `path` most likely meant: whole-path edit distance ≤ 2, or the same
 * segments as a known path with typos confined to segments (each within a third of its length). Paths under
 * roots the catalog does not cover, and paths that are themselves known, have no near miss. A full URL
 * (`relative: false`) that forgot the `cgi-bin/` root is a near miss of the endpoint under it.
 */
export function findNearMiss(path: string, options: { relative?: boolean; host?: string } = {}): NearMiss | undefined {
  const host = options.host ?? 'api.weixin.qq.com';
  if (!path || findEndpoint(path, options)) return undefined;
  const segments = path.split('/');
  const candidates: string[] = [path];
  if (!CATALOG_ROOTS.has(segments[0])) candidates.push(`cgi-bin/${path}`);
  // A root written twice (a base URL that already ends in `/cgi-bin` joined with a `/cgi-bin/…` path) is the
  // symmetric mistake, also one whatever its length.
  else if (segments[1] === segments[0]) candidates.push(segments.slice(1).join('/'));
  let best: NearMiss | undefined;
  for (const endpoint of ENDPOINTS.values()) {
    if (endpoint.host !== host) continue;
    for (const candidate of candidates) {
      const distance = distanceToEndpoint(candidate, endpoint.id);
      if (distance === undefined) continue;
      // The missing `cgi-bin/` root of a full URL is one mistake, whatever its character count.
      const total = candidate === path ? distance : distance + 1;
      if (!best || total < best.distance) best = { endpoint, distance: total };
    }
  }
  return best;
}

function distanceToEndpoint(candidate: string, id: string): number | undefined {
  const candidateRoot = candidate.split('/')[0];
  const idRoot = id.split('/')[0];
  // Near misses stay under the same (or a typo'd) root; the open platform's own roots are other APIs.
  if (candidateRoot !== idRoot && (!CATALOG_ROOTS.has(idRoot) || !isTypoOfSegment(candidateRoot, idRoot))) return undefined;
  const whole = editDistance(candidate, id, NEAR_MISS_DISTANCE);
  if (whole <= NEAR_MISS_DISTANCE) return whole;
  const actualSegments = candidate.split('/');
  const knownSegments = id.split('/');
  if (actualSegments.length !== knownSegments.length) return undefined;
  let total = 0;
  for (let index = 0; index < knownSegments.length; index++) {
    if (actualSegments[index] === knownSegments[index]) continue;
    if (!isTypoOfSegment(actualSegments[index], knownSegments[index])) return undefined;
    total += editDistance(actualSegments[index].toLowerCase(), knownSegments[index]);
  }
  return total;
}
