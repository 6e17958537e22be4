import { expect, test } from './fixtures';
import { StudioPage } from './pages/studio-page';

test.describe('access', () => {
  test('every control has a label and the issue’s names are present', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    for (const name of [
      'Release name',
      'Namespace',
      'Replicas',
      'Image repository',
      'Image tag',
      'CPU request',
      'CPU limit',
      'Memory request',
      'Memory limit',
      'Ingress enabled',
      'Ingress class',
      'Host',
      'TLS secret',
    ]) {
      await expect(studio.field(name).first(), name).toBeVisible();
    }
    await expect(page.getByRole('button', { name: 'Add variable' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add host' })).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Import values' }).or(page.getByLabel('Import values')),
    ).toHaveCount(1);
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => !(el as HTMLElement).closest('.monaco-editor'))
        .filter((el) => {
          const e = el as HTMLInputElement;
          if (e.type === 'hidden') return false;
          const name =
            e.labels?.length ||
            e.getAttribute('aria-label') ||
            e.getAttribute('aria-labelledby') ||
            e.textContent?.trim();
          return !name;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabeled).toEqual([]);
  });

  test('keyboard: environments by arrow keys, focus is visible', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await page.getByRole('tab', { name: 'dev', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'staging', exact: true })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'staging', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'prod', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return getComputedStyle(el).outlineStyle;
    });
    expect(outline).not.toBe('none');
    // The form is reachable and usable by keyboard alone.
    await studio.field('Replicas').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('4');
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 4');
  });

  test('dark theme follows the system', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.route('**/*', (route) =>
      /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(route.request().url())
        ? route.fallback()
        : route.abort(),
    );
    await page.goto('/');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
    await context.close();
  });

  test('the layout works on a laptop screen and a narrow one', async ({ page }) => {
    const studio = new StudioPage(page);
    for (const width of [1280, 760]) {
      await page.setViewportSize({ width, height: 800 });
      await studio.goto();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await expect(studio.field('Replicas')).toBeVisible();
    }
  });

  test('the preview lists manifests by file and kind, with a filter', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    const index = page.getByRole('navigation', { name: 'Manifests' });
    await expect(index.getByRole('link', { name: /^Deployment api-gateway / })).toBeVisible();
    await page.getByLabel('Filter manifests').fill('Service');
    await expect(
      studio.manifests.getByRole('article', { name: 'Deployment api-gateway', exact: true }),
    ).toBeHidden();
    await expect(studio.manifests.getByRole('article', { name: /^Service / }).first()).toBeVisible();
    await page.getByLabel('Filter manifests').fill('');
    await expect(
      studio.manifests.getByRole('article', { name: 'Deployment api-gateway', exact: true }),
    ).toBeVisible();
  });
});
