import { consoleRequest } from '@lib/console';

export async function pollScan(): Promise<unknown> {
  // violation: no-platform-login-automation (through the proxy's `endpoint` option)
  return consoleRequest({ endpoint: 'https://mp.weixin.qq.com/cgi-bin/bizlogin?action=startlogin', body: { f: 'json' } });
}
