import type { BrowserContext, Request, Route } from '@playwright/test';

/** One request the browser sent, as the server would see it. */
export interface SentRequest {
  readonly method: string;
  readonly url: URL;
  readonly authorization: string | undefined;
  readonly resourceType: string;
}

const TOKEN_ENDPOINTS = new Set(['/auth/login', '/auth/refresh']);

/**
 * Records every request of a browser context (all its tabs) and every access token the API issued
 * to it, so that tests can assert on what the app really sent: how many refreshes, which token,
 * where. Tokens are read on the way through a context route, before the app sees the response,
 * so a test never races the recording.
 */
export class NetworkLog {
  readonly sent: SentRequest[] = [];
  /** `METHOD /path` of every 401 the API answered (or a test's route answered) to the browser. */
  readonly unauthorized: string[] = [];
  /** Access tokens from successful logins and refreshes, oldest first. */
  readonly tokens: string[] = [];

  private constructor(context: BrowserContext) {
    context.on('request', (request) => this.sent.push(toSent(request)));
    context.on('response', (response) => {
      if (response.status() === 401) {
        const { method, url } = toSent(response.request());
        this.unauthorized.push(`${method} ${url.pathname}`);
      }
    });
  }

  static async attach(context: BrowserContext): Promise<NetworkLog> {
    const log = new NetworkLog(context);
    await context.route(
      (url) => TOKEN_ENDPOINTS.has(url.pathname),
      (route) => log.recordToken(route),
    );
    return log;
  }

  /** Requests whose path matches, in the order they were sent. */
  to(path: string | RegExp, method?: string): SentRequest[] {
    return this.sent.filter(
      (r) =>
        (typeof path === 'string' ? r.url.pathname === path : path.test(r.url.pathname)) &&
        (method === undefined || r.method === method),
    );
  }

  refreshes(): SentRequest[] {
    return this.to('/auth/refresh', 'POST');
  }

  /** Adds a token the API issued to this context outside the browser (a sign-in through the API). */
  recordIssued(token: string): void {
    this.tokens.push(token);
  }

  latestToken(): string {
    const latest = this.tokens.at(-1);
    if (latest === undefined) throw new Error('the API has not issued an access token yet');
    return latest;
  }

  private async recordToken(route: Route): Promise<void> {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    if (response.ok()) {
      const body = (await response.json()) as { accessToken?: unknown };
      if (typeof body.accessToken === 'string') this.tokens.push(body.accessToken);
    }
    await route.fulfill({ response });
  }
}

function toSent(request: Request): SentRequest {
  return {
    method: request.method(),
    url: new URL(request.url()),
    authorization: request.headers()['authorization'],
    resourceType: request.resourceType(),
  };
}

/** The claims of a JWT, read without checking it (the tests compare tokens, they don't trust them). */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** How long an access token lives (`exp - iat`), in ms: how far a page clock must go to see it expire. */
export function lifetimeOf(token: string): number {
  const { exp, iat } = claimsOf(token) as { exp: number; iat: number };
  return (exp - iat) * 1000;
}

export function bearer(token: string): string {
  return `Bearer ${token}`;
}
