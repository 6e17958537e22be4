import { expect, test } from './fixtures';
import { StudioPage } from './pages/studio-page';

test('Kubernetes checks show beside the manifest they concern', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await expect(studio.manifests.getByRole('list', { name: 'Checks' })).toHaveCount(0);
  const original = await studio.yaml();
  // A pod label that overrides the selector label: the Service and NetworkPolicy no longer select the pods.
  await studio.setYaml(`${original}podLabels:\n  app.kubernetes.io/name: other\n`);
  await studio.waitForRender();
  const policy = studio.manifests.getByRole('article', { name: 'NetworkPolicy api-gateway', exact: true });
  await expect(policy.getByRole('list', { name: 'Checks' })).toContainText('chart/networkpolicy-selector');
  await expect(policy.getByRole('list', { name: 'Checks' })).toContainText(
    'spec.podSelector selects no workload of the chart',
  );
  const service = studio.manifests.getByRole('article', { name: 'Service api-gateway', exact: true });
  await expect(service.getByRole('list', { name: 'Checks' })).toContainText('chart/service-selector');
  await studio.setYaml(original);
  await studio.waitForRender();
  await expect(studio.manifests.getByRole('list', { name: 'Checks' })).toHaveCount(0);
});
