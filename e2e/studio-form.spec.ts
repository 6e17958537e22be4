import { expect, test } from './fixtures';
import { StudioPage } from './pages/studio-page';

test.describe('form and YAML editor', () => {
  test('a form edit shows in the YAML and in the preview', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setReplicas(3);
    await studio.setImageTag('v9.9.9');
    await studio.setMemoryLimit('1Gi');
    await studio.addVariable('FEATURE_X', 'on');
    await studio.setHost(0, 'api.dev.example.com');
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 3');
    const yaml = await studio.yaml();
    expect(yaml).toContain('tag: v9.9.9');
    expect(yaml).toMatch(/limits:\n\s+memory: 1Gi/);
    expect(yaml).toContain('FEATURE_X: "on"');
    expect(yaml).toContain('host: api.dev.example.com');
    await studio.waitForRender();
    const text = await studio.previewText();
    expect(text).toMatch(/kind: Deployment[\s\S]*replicas: 3/);
    expect(text).toContain('v9.9.9');
    expect(text).toContain('memory: 1Gi');
    expect(text).toContain('api.dev.example.com');
  });

  test('a YAML edit shows in the form; comments and unknown keys survive form edits', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    const text =
      '# my team notes\nreplicaCount: 5 # five pods\nimage:\n  tag: v2.0.0\ncustomKey: keep-me # unknown to the form\n';
    await studio.setYaml(text);
    await expect(studio.field('Replicas')).toHaveValue('5');
    await expect(studio.field('Image tag')).toHaveValue('v2.0.0');
    await studio.setReplicas(4);
    await studio.setCpuLimit('750m');
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 4 # five pods');
    const yaml = await studio.yaml();
    expect(yaml.startsWith('# my team notes\n')).toBe(true);
    expect(yaml).toContain('customKey: keep-me # unknown to the form');
    expect(yaml).toContain('cpu: 750m');
  });

  test('invalid YAML: marker at its line, the form waits, the preview goes stale; fixing it recovers', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.waitForRender();
    const before = await studio.previewText();
    const original = await studio.yaml();
    expect(original).toContain('  tag: v1.2.0\n');
    await studio.setYaml(original.replace('  tag: v1.2.0\n', '  tag: [unclosed\n'));
    await expect(page.getByRole('button', { name: /^Line \d+, column \d+$/ }).first()).toBeVisible();
    await expect(studio.field('Replicas')).toBeDisabled();
    await expect(studio.previewStatus).toHaveText(/Stale: showing the last good render/);
    await expect(studio.manifests).toHaveAttribute('data-stale', 'true');
    expect(await studio.previewText()).toBe(before);
    await expect.poll(async () => (await studio.markers()).length).toBeGreaterThan(0);
    const markers = await studio.markers();
    const tagLine = original.split('\n').indexOf('  tag: v1.2.0') + 1;
    expect(markers.some((m) => m.line >= tagLine)).toBe(true);
    await studio.setYaml(original.replace('  tag: v1.2.0\n', '  tag: v3.0.0\n'));
    await expect(studio.field('Replicas')).toBeEnabled();
    await expect(studio.field('Image tag')).toHaveValue('v3.0.0');
    await studio.waitForRender();
    await expect(studio.manifests).toHaveAttribute('data-stale', 'false');
    expect(await studio.previewText()).toContain('v3.0.0');
  });

  test('the values schema gives a marker in the editor, offline', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setYaml('replicaCount: -1\n');
    await expect
      .poll(async () => (await studio.markers()).map((m) => m.message).join('\n'), { timeout: 20_000 })
      .toMatch(/minimum/i);
  });

  test('field errors appear at the field in words a user understands', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setMemoryLimit('512MB');
    await expect(
      page.getByText('Not a memory quantity: write 512Mi, 1Gi or a number of bytes.'),
    ).toBeVisible();
    await expect(studio.field('Memory limit')).toHaveAttribute('aria-invalid', 'true');
    await studio.setReplicas('two');
    await expect(page.getByText('Enter a whole number (no letters or decimals).')).toBeVisible();
    // Nothing invalid reaches the YAML.
    const yaml = await studio.yaml();
    expect(yaml).not.toContain('512MB');
    expect(yaml).not.toContain('two');
  });

  test('typing in the editor updates the form and the preview', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.typeYamlLine('replicaCount: 1', 'replicaCount: 6');
    await expect(studio.field('Replicas')).toHaveValue('6');
    await studio.waitForRender();
    expect(await studio.previewText()).toMatch(/kind: Deployment[\s\S]*replicas: 6/);
  });

  test('undo and redo span form and editor edits', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setYaml('replicaCount: 7\n');
    await expect(studio.field('Replicas')).toHaveValue('7');
    await studio.setImageTag('v5.0.0');
    await expect.poll(() => studio.yaml()).toBe('replicaCount: 7\nimage:\n  tag: v5.0.0\n');
    await studio.undo();
    await expect.poll(() => studio.yaml()).toBe('replicaCount: 7\n');
    await expect(studio.field('Image tag')).toHaveValue('');
    await studio.undo();
    await expect(studio.field('Replicas')).not.toHaveValue('7');
    await studio.redo();
    await studio.redo();
    await expect.poll(() => studio.yaml()).toBe('replicaCount: 7\nimage:\n  tag: v5.0.0\n');
    // Keyboard undo from the form.
    await studio.field('Replicas').focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => studio.yaml()).toBe('replicaCount: 7\n');
  });

  test('Enter in a field of a form section submits nothing and keeps the page', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await studio.setReplicas(4);
    await studio.field('Replicas').press('Enter');
    await studio.field('Image tag').press('Enter');
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 4');
    expect(page.url()).not.toContain('?');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await expect(studio.field('Replicas')).toHaveValue('4');
  });
});
