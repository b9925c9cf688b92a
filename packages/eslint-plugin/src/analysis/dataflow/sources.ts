import { type Endpoint, ENDPOINTS } from '../../knowledge/endpoints.js';
import { findSdkMethod, SDK_METHODS, type SdkMethod, type SdkPackage } from '../../knowledge/sdk-methods.js';
import type { UserDataKind } from '../../knowledge/user-data.js';



/**
 * The SDK method `names` (tried in order: `getUser`, then `oauth.getUserInfo` for wechat-jssdk's sub-clients)
 * of package `sdk`, with its catalog endpoint.
 */
export function sdkMethodOf(sdk: string, names: readonly string[]): { name: string; method: SdkMethod } | undefined {
  if (!Object.hasOwn(SDK_METHODS, sdk)) return undefined;
  for (const name of names) {
    const method = findSdkMethod(sdk as SdkPackage, name);
    if (method) return { name, method };
  }
  return undefined;
}

/**
 * What an SDK method's result carries, from the catalog: follower lists carry openids; user info
 * (`cgi-bin/user/info*`, `sns/userinfo`) openid, unionid and profile; the OAuth code exchange a credential and
 * the openid; tokens and tickets a credential.
 */
export function resultKindsOf(method: SdkMethod): readonly UserDataKind[] {
  if (method.returnsFollowerList) return ['openid'];
  if (method.token) return ['credential'];
  const endpoint = method.endpoint ? ENDPOINTS.get(method.endpoint) : undefined;
  return endpoint ? endpointResultKinds(endpoint) : [];
}

/** What a response of the endpoint carries (the same table for raw HTTP and SDK calls). */
export function endpointResultKinds(endpoint: Endpoint): readonly UserDataKind[] {
  if (endpoint.returnsFollowerList) return ['openid'];
  switch (endpoint.kind) {
    case 'token':
    case 'ticket':
      return ['credential'];
    case 'user-data':
      return endpoint.method === 'GET' || endpoint.id.endsWith('batchget') ? ['openid', 'unionid', 'profile'] : [];
    case 'oauth':
      if (endpoint.id === 'sns/userinfo') return ['openid', 'unionid', 'profile'];
      if (endpoint.id === 'sns/auth') return [];
      return ['credential', 'openid'];
    default:
      return [];
  }
}
