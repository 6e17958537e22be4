import { inflateRawSync } from 'node:zlib';
import { expect, pageElsewhere, test } from './fixtures';
import { StudioPage } from './pages/studio-page';

const SECRET = 'e2e-super-secret-value-9f3k';

// decodeShareLink reads what a share link carries (raw DEFLATE, base64url) to prove what is not in it.
function decodeShareLink(link: string): string {
  const data = new URL(link).hash.replace(/^#state=/, '');
  return inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8');
}

test.describe('nothing lost, nothing leaked', () => {
  test('edits come back after a reload', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setReplicas(4);
    await studio.selectEnvironment('prod');
    await studio.setImageTag('v4.4.4');
    await studio.setRelease('persisted', 'persisted-ns');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('chart-studio:v1') ?? ''))
      .toContain('v4.4.4');
    await page.reload();
    await expect(page.getByText('Restored your autosaved work.')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'prod', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(studio.field('Image tag')).toHaveValue('v4.4.4');
    await expect(studio.field('Release name')).toHaveValue('persisted');
    await expect(studio.field('Namespace')).toHaveValue('persisted-ns');
    await studio.selectEnvironment('dev');
    await expect(studio.field('Replicas')).toHaveValue('4');
  });

  test('a secret typed in the form is never in the URL, the share link or local storage', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await studio.setSecret('secrets.djangoSecretKey', SECRET);
    await studio.setSecret('secrets.databaseUrl', `postgres://app:${SECRET}@db:5432/app`);
    await studio.addSecretVariable('API_TOKEN', `${SECRET}-extra`);
    await studio.setReplicas(3);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('chart-studio:v1') ?? ''))
      .toContain('replicaCount: 3');
    const link = await studio.shareLink();
    expect(link).not.toContain(SECRET);
    expect(decodeShareLink(link)).toContain('replicaCount: 3');
    expect(decodeShareLink(link)).not.toContain(SECRET);
    expect(decodeURIComponent(page.url())).not.toContain(SECRET);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(storage).not.toContain(SECRET);
    // A secret typed into the YAML stays out of storage and links too.
    await studio.setYaml(`replicaCount: 3\nsecrets:\n  djangoSecretKey: ${SECRET}-yaml\n`);
    await expect(page.getByRole('button', { name: 'Move secrets out of the YAML' })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('chart-studio:v1') ?? ''))
      .toContain('replicaCount: 3');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(`${SECRET}-yaml`);
    expect(decodeShareLink(await studio.shareLink())).not.toContain(SECRET);
    await page.getByRole('button', { name: 'Move secrets out of the YAML' }).click();
    await expect.poll(() => studio.yaml()).toBe('replicaCount: 3\n');
    await expect(studio.field('Django secret key')).toHaveValue(`${SECRET}-yaml`);
  });

  test('a share link opens the same state elsewhere, without secrets', async ({ page, browser }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('staging');
    await studio.setYaml('# shared\nreplicaCount: 9\nimage:\n  tag: v8.8.8\n');
    await studio.setRelease('shared-rel', 'shared-ns');
    await studio.setSecret('secrets.djangoSecretKey', SECRET);
    const link = await studio.shareLink();
    expect(link).toMatch(/#state=[A-Za-z0-9_-]+$/);

    const page2 = await pageElsewhere(browser);
    const studio2 = new StudioPage(page2);
    await page2.goto(link);
    await expect(page2.getByText('Opened the shared values.')).toBeVisible();
    await expect(page2.getByRole('tab', { name: 'staging', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(studio2.field('Replicas')).toHaveValue('9');
    await expect(studio2.field('Release name')).toHaveValue('shared-rel');
    await expect.poll(() => studio2.yaml()).toBe('# shared\nreplicaCount: 9\nimage:\n  tag: v8.8.8\n');
    await expect(studio2.field('Django secret key')).toHaveValue('');
    // The fragment is consumed: the address bar no longer carries the state.
    expect(page2.url()).not.toContain('#state=');
    await page2.context().close();
  });

  test('Import values reads a values file from disk', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('staging');
    await studio.importValues(
      'values.custom.yaml',
      '# imported\nreplicaCount: 8\nsecrets:\n  djangoSecretKey: from-file\n',
    );
    await expect(page.getByText(/Imported values.custom.yaml into staging; its secrets moved/)).toBeVisible();
    await expect(studio.field('Replicas')).toHaveValue('8');
    await expect.poll(() => studio.yaml()).toBe('# imported\nreplicaCount: 8\n');
    await expect(studio.field('Django secret key')).toHaveValue('from-file');
  });
});
