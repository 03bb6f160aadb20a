import { expect, type APIRequest, type APIRequestContext } from '@playwright/test';
import type { DemoUser } from './demo-users';

export interface Note {
  readonly id: number | string;
  readonly ownerId: number | string;
  readonly title: string;
  readonly body: string;
}

/**
 * Talks to the suite's mock API straight through the app's origin (the dev-server proxy), outside
 * the browser: to give a test its own data quickly and to check what the server really stored.
 * It signs in with its own request context, so its cookies never mix with the browser's.
 */
export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly request: APIRequestContext,
    private readonly newRequest: APIRequest,
    private readonly baseURL: string,
  ) {}

  async login(user: DemoUser): Promise<string> {
    const known = this.tokens.get(user.email);
    if (known) return known;
    const response = await this.request.post('/auth/login', {
      data: { email: user.email, password: user.password },
    });
    expect(response.status(), `API login as ${user.email}`).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    this.tokens.set(user.email, accessToken);
    return accessToken;
  }

  async createNote(user: DemoUser, title: string, body = `Body of ${title}`): Promise<Note> {
    const response = await this.request.post('/api/notes', {
      headers: await this.auth(user),
      data: { title, body },
    });
    expect(response.status(), `create note "${title}"`).toBe(201);
    return (await response.json()) as Note;
  }

  /** The user's notes whose title or body contains `text` (json-server's `q`). */
  async findNotes(user: DemoUser, text: string): Promise<Note[]> {
    const response = await this.request.get('/api/notes', {
      headers: await this.auth(user),
      params: { q: text },
    });
    expect(response.status(), `search notes for "${text}"`).toBe(200);
    return (await response.json()) as Note[];
  }

  /** POSTs the refresh cookie given from a client with no other cookie, as a thief replaying it would. */
  async refreshWithCookie(cookie: string): Promise<{ status: number; error: unknown }> {
    const outsider = await this.newRequest.newContext({ baseURL: this.baseURL });
    try {
      const response = await outsider.post('/auth/refresh', {
        headers: { cookie: `refresh_token=${cookie}` },
      });
      const body = (await response.json().catch(() => ({}))) as { error?: unknown };
      return { status: response.status(), error: body.error };
    } finally {
      await outsider.dispose();
    }
  }

  private async auth(user: DemoUser): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.login(user)}` };
  }
}
