import { API_RESOURCE, Browser, startTestProvider, TEST_CLIENT } from '../test/helpers/oidc-provider.js';
import { startServiceProcess } from '../test/helpers/service-process.js';
import { freePort } from '../test/helpers/free-port.js';
import { benchDatabase, log } from './bench-database.js';
import { BENCH_ADMIN } from './process-support.js';

const SIGN_INS = 20;
const CALLS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Number((sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2).toFixed(2));
}

async function timed(call: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await call();
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`answered ${res.status}`);
  return performance.now() - started;
}

/**
 * Issue "People: sign-in with the organisation's identity provider": from opening the sign-in URL to
 * the answer of the first API call made with the session cookie, through a real OpenID provider
 * (oidc-provider on loopback, in this process: authorization endpoint, login and consent forms, code
 * exchange, ID token validation), the service in its own process. Reference, in the same run: one
 * API call with an API token.
 */
export async function signInBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_sign_in');
  const idp = await startTestProvider({ rita: { name: 'Rita', email: 'rita@acme.example', groups: ['aims-risk'] } });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const redirect = `${baseUrl}/api/v1/auth/callback`;
  idp.allowRedirect(redirect);
  const service = await startServiceProcess(
    {
      DATABASE_URL: db.url,
      AIMSFLOW_ADMIN_TOKEN: BENCH_ADMIN,
      AIMSFLOW_RATE_LIMIT_PER_MINUTE: '10000000',
      AIMSFLOW_PUBLIC_URL: baseUrl,
      AIMSFLOW_OIDC_ISSUER: idp.issuer,
      AIMSFLOW_OIDC_CLIENT_ID: TEST_CLIENT.id,
      AIMSFLOW_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      AIMSFLOW_OIDC_AUDIENCE: API_RESOURCE,
      AIMSFLOW_OIDC_ROLE_MAPPING: JSON.stringify({ 'aims-risk': 'risk-officer' }),
      LOG_LEVEL: 'warn',
    },
    port,
  );
  try {
    const api = `${baseUrl}/api/v1/risks`;
    const signIns: number[] = [];
    let cookie = '';
    for (let i = 0; i <= SIGN_INS; i++) {
      const browser = new Browser();
      const started = performance.now();
      const login = await browser.request(`${baseUrl}/api/v1/auth/login?returnTo=/console`);
      const back = await browser.signIn(login.headers.get('location')!, 'rita', redirect);
      const callback = await browser.request(back.href);
      if (callback.status !== 302) throw new Error(`the callback answered ${callback.status}: ${await callback.text()}`);
      const first = await browser.request(api);
      await first.arrayBuffer();
      if (first.status !== 200) throw new Error(`the first API call answered ${first.status}`);
      if (i > 0) signIns.push(performance.now() - started); // the first round warms up discovery and connections
      cookie = browser.cookies(baseUrl);
    }
    const created = await fetch(`${baseUrl}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'rosa', roles: ['risk-officer'] }),
    });
    const token = ((await created.json()) as { token: string }).token;
    const jwt = await idp.accessTokenFor('rita');
    const series = async (headers: Record<string, string>) => {
      const times: number[] = [];
      for (let i = 0; i <= CALLS; i++) {
        const ms = await timed(() => fetch(api, { headers }));
        if (i > 0) times.push(ms);
      }
      return median(times);
    };
    const apiTokenCallMs = await series({ authorization: `Bearer ${token}` });
    const sessionCallMs = await series({ cookie });
    const jwtCallMs = await series({ authorization: `Bearer ${jwt}` });
    const signInToFirstCallMs = median(signIns);
    const ratio = Number((signInToFirstCallMs / apiTokenCallMs).toFixed(1));
    log(
      `sign-in → first API call (median of ${SIGN_INS}): ${signInToFirstCallMs} ms; one API-token call (median of ${CALLS}): ${apiTokenCallMs} ms; ratio ${ratio}; ` +
        `session-cookie call ${sessionCallMs} ms; IdP JWT call ${jwtCallMs} ms`,
    );
    return { signInToFirstCallMs, apiTokenCallMs, ratio, sessionCallMs, jwtCallMs };
  } finally {
    await service.stop();
    await idp.close();
    await db.close();
  }
}
