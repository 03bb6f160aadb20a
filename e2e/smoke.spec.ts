import { expect, test } from '@playwright/test';

test('the app shell loads with a link home', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Tokengate' })).toHaveAttribute('href', '/');
});
