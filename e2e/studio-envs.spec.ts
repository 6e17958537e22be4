import { expect, test } from './fixtures';
import { StudioPage } from './pages/studio-page';

test.describe('environments and release', () => {
  test('dev, staging and prod are seeded from the chart; switching shows each one', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    const tabs = page.getByRole('tablist', { name: 'Environments' }).getByRole('tab');
    await expect(tabs).toHaveText(['dev', 'staging', 'prod']);
    await expect(studio.field('Replicas')).toHaveValue('1');
    await studio.selectEnvironment('prod');
    await expect(studio.field('Replicas')).toHaveValue('2');
    await expect(studio.field('Image tag')).toHaveValue('v1.2.0');
    await expect.poll(() => studio.yaml()).toContain('config.settings.production');
    await studio.selectEnvironment('dev');
    await expect.poll(() => studio.yaml()).toContain('config.settings.development');
  });

  test('an edit in one environment leaves the others alone', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('staging');
    await studio.setReplicas(6);
    await studio.selectEnvironment('prod');
    await expect(studio.field('Replicas')).toHaveValue('2');
    await studio.selectEnvironment('staging');
    await expect(studio.field('Replicas')).toHaveValue('6');
  });

  test('a new environment can start from another one', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await studio.setSecret('secrets.djangoSecretKey', 'prod-key-copied');
    await studio.addEnvironment('qa', 'prod');
    await expect(page.getByRole('tab', { name: 'qa', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(studio.field('Image tag')).toHaveValue('v1.2.0');
    // The secrets come along too (in memory, as every secret).
    await expect(studio.field('Django secret key')).toHaveValue('prod-key-copied');
    await studio.setReplicas(1);
    await studio.selectEnvironment('prod');
    await expect(studio.field('Replicas')).toHaveValue('2');
    // A name that cannot become values.<name>.yaml is refused with the reason.
    await page.getByRole('button', { name: 'Add environment' }).click();
    await studio.field('Environment name').fill('QA env');
    await expect(
      page.getByText('Use lowercase letters, digits and "-" (it becomes values.<name>.yaml).'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  test('changes from defaults lists exactly the keys each environment sets', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('staging');
    await studio.setYaml('replicaCount: 4\nimage:\n  tag: v7.0.0\nenv:\n  DEBUG: "False"\n');
    await studio.openView('Changes from defaults');
    const staging = page.getByRole('region', { name: 'Changes in staging' });
    await expect(staging.getByRole('rowheader')).toHaveText(['replicaCount', 'image.tag']);
    await expect(staging.getByRole('row', { name: /replicaCount/ })).toContainText('2');
    await expect(staging.getByRole('row', { name: /replicaCount/ })).toContainText('4');
    await expect(
      page.getByRole('region', { name: 'Changes in prod' }).getByRole('rowheader').first(),
    ).toBeVisible();
  });

  test('the rendered manifests of two environments are compared in one click', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await studio.setSecret('secrets.djangoSecretKey', 'k');
    await studio.setSecret('secrets.databaseUrl', 'postgres://u:p@db:5432/app');
    await studio.openView('Compare environments');
    await page.getByLabel('From', { exact: true }).selectOption('dev');
    await page.getByLabel('To', { exact: true }).selectOption('prod');
    const diff = page.getByRole('region', { name: 'Diff of the manifests from dev to prod' });
    await expect(diff).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/\d+ lines removed, \d+ added/)).toBeVisible();
    await expect(diff.locator('.diff__del', { hasText: 'replicas: 1' }).first()).toBeVisible();
    await expect(diff.locator('.diff__add', { hasText: 'replicas: 2' }).first()).toBeVisible();
    // An environment that does not render says so instead of a diff.
    await page.getByLabel('To', { exact: true }).selectOption('staging');
    await expect(page.getByRole('alert', { name: 'staging does not render' })).toContainText(
      'secrets.djangoSecretKey',
    );
    await expect(page.getByText('Cannot compare until both environments render.')).toBeVisible();
  });

  test('release name and namespace are validated as Helm and Kubernetes do', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setRelease('Bad_Name');
    await expect(page.getByText('Use lowercase letters only.')).toBeVisible();
    await expect(page.getByRole('alert', { name: 'Render error' })).toContainText(
      'Error: release name check failed: release name "Bad_Name": invalid release name',
    );
    await studio.setRelease('a'.repeat(54));
    await expect(
      page.getByText('A release name can have at most 53 characters (this one has 54).'),
    ).toBeVisible();
    await studio.setRelease('my-release', 'team.apps');
    await expect(page.getByText('Use only lowercase letters, digits and "-".')).toBeVisible();
    await studio.setRelease('my-release', 'team-apps');
    await studio.waitForRender();
    const text = await studio.previewText();
    expect(text).toContain('my-release-api-gateway');
  });

  test('a template error shows Helm’s message and leads to the value', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    // prod has no secret key yet: the chart's `required` stops the render with Helm's message.
    const error = page.getByRole('alert', { name: 'Render error' });
    await expect(error).toContainText(
      'Error: execution error at (api-gateway/templates/deployment.yaml:1:4): secrets.djangoSecretKey is required',
    );
    await expect(error).toContainText('api-gateway/templates/deployment.yaml, line 1');
    await error.getByRole('button', { name: 'Go to secrets.djangoSecretKey' }).click();
    await expect(studio.field('Django secret key')).toBeFocused();
    await page.keyboard.type('typed-after-the-link');
    await studio.setSecret('secrets.databaseUrl', 'postgres://u:p@db:5432/app');
    await studio.waitForRender();
    await expect(error).toBeHidden();
  });
});
