import { expect, test } from './fixtures';
import { helmTemplate, secretsYaml } from './helm';
import { SECRET_LABELS, StudioPage } from './pages/studio-page';

test.describe('the preview is what helm template prints', () => {
  for (const env of ['dev', 'staging', 'prod']) {
    test(`${env}: shipped values plus secrets`, async ({ page }) => {
      const studio = new StudioPage(page);
      await studio.goto();
      await studio.selectEnvironment(env);
      if (env !== 'dev') {
        await studio.setSecret('secrets.djangoSecretKey', `key-for-${env}`);
        await studio.setSecret('secrets.databaseUrl', `postgres://app:pw@db.${env}:5432/app`);
      }
      await studio.waitForRender();
      const values = await studio.yaml();
      const secrets = await studio.secrets();
      expect(Object.keys(secrets).every((k) => k in SECRET_LABELS || k.startsWith('secrets.extra.'))).toBe(
        true,
      );
      const want = await helmTemplate('api-gateway', 'api-gateway', env, values, secretsYaml(secrets));
      expect(await studio.previewText()).toBe(want);
    });
  }

  test('after form edits: replicas, image tag, memory limit, env var, ingress host', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await studio.setRelease('gw', 'apps');
    await studio.setSecret('secrets.djangoSecretKey', 'k');
    await studio.setSecret('secrets.databaseUrl', 'postgres://u:p@h:5432/d');
    await studio.addSecretVariable('API_TOKEN', 'tok-"quoted"');
    await studio.setReplicas(3);
    await studio.setImageTag('1.10');
    await studio.setMemoryLimit('768Mi');
    await studio.addVariable('GREETING', 'yes: "quoted" # not a comment');
    await studio.setHost(0, 'api.example.com');
    await expect.poll(() => studio.yaml()).toContain('api.example.com');
    await studio.waitForRender();
    const want = await helmTemplate(
      'gw',
      'apps',
      'prod',
      await studio.yaml(),
      secretsYaml(await studio.secrets()),
    );
    const got = await studio.previewText();
    expect(got).toBe(want);
    for (const kind of ['Deployment', 'Service', 'Ingress', 'Secret', 'NetworkPolicy', 'Job']) {
      expect(got).toContain(`kind: ${kind}\n`);
    }
  });
});
