/** The seed users of CONTRACT §3. Their passwords are public demo credentials, printed in the README. */
export interface DemoUser {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly roles: readonly string[];
}

export const ALICE: DemoUser = {
  name: 'Alice Example',
  email: 'alice@example.com',
  password: 'alice-password-1',
  roles: ['user'],
};

export const BOB: DemoUser = {
  name: 'Bob Example',
  email: 'bob@example.com',
  password: 'bob-password-1',
  roles: ['user'],
};

export const ADMIN: DemoUser = {
  name: 'Ada Admin',
  email: 'admin@example.com',
  password: 'admin-password-1',
  roles: ['user', 'admin'],
};
