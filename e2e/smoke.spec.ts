import { expect, test } from './fixtures';

test('the studio page loads with a title and a main landmark', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Chart Studio/);
  await expect(page.getByRole('main')).toBeVisible();
});

test('the page is cross-origin isolated, so results can come back through shared memory', async ({
  page,
}) => {
  const response = await page.goto('/');
  expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(
    true,
  );
});

test.describe('the offline guard', () => {
  test.use({ allowedConsoleErrors: [/ERR_BLOCKED_BY_CLIENT/] });

  test('a request to a foreign host is aborted and recorded', async ({ page, foreignRequests }) => {
    await page.goto('/');
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.invalid/probe', { mode: 'no-cors' });
        return 'sent';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
    expect(foreignRequests).toEqual(['https://example.invalid/probe']);
    // The guard would fail this test for the request; it is the point of this test, so clear it.
    foreignRequests.length = 0;
  });
});
