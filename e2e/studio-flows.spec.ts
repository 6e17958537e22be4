import { expect, pageElsewhere, test } from './fixtures';
import { helmTemplate, secretsYaml } from './helm';
import { StudioPage } from './pages/studio-page';

const STORAGE_KEY = 'chart-studio:v1';

// setRequiredSecrets gives an environment without the dev database the secrets the chart requires.
async function setRequiredSecrets(studio: StudioPage, env: string): Promise<void> {
  await studio.setSecret('secrets.djangoSecretKey', `key-for-${env}`);
  await studio.setSecret('secrets.databaseUrl', `postgres://app:pw@db.${env}:5432/app`);
}

// expectPreviewIsHelm waits for the render of the latest edit and compares it with the real helm's output.
async function expectPreviewIsHelm(studio: StudioPage, env: string): Promise<string> {
  await studio.waitForRender();
  const want = await helmTemplate(
    'api-gateway',
    'api-gateway',
    env,
    await studio.yaml(),
    secretsYaml(await studio.secrets()),
  );
  await expect.poll(() => studio.previewText()).toBe(want);
  return want;
}

// nextFrame lets the page paint once, so a state change started by the last key has shown.
async function nextFrame(studio: StudioPage): Promise<void> {
  await studio.page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}

// savedWith waits until the autosaved document holds every one of `texts`, and returns it.
async function savedWith(studio: StudioPage, ...texts: string[]): Promise<string> {
  const saved = () => studio.page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY);
  await expect
    .poll(async () => {
      const text = await saved();
      return texts.filter((t) => !text.includes(t));
    })
    .toEqual([]);
  return saved();
}

test.describe('user flows', () => {
  test('removing an env var, then undo: the row, its value and the YAML come back, also after a reload', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    const before = await studio.yaml();
    const names = await studio.texts('Name');
    const values = await studio.texts('Value');
    expect(names).toContain('DEBUG');
    await studio.removeVariable('DEBUG');
    expect(await studio.texts('Name')).toEqual(names.filter((n) => n !== 'DEBUG'));
    // The focus is on the name of the row that took DEBUG's place, not on that row's Remove button
    // (where a second Enter would remove it too).
    expect(names.length).toBeGreaterThan(1);
    await expect(studio.field('Name').nth(Math.min(names.indexOf('DEBUG'), names.length - 2))).toBeFocused();
    await expect.poll(() => studio.yaml()).not.toContain('DEBUG: "True"');
    await expect.poll(() => studio.previewText()).not.toContain('name: DEBUG\n');
    await studio.undo();
    await expect(studio.field('Name')).toHaveCount(names.length);
    expect(await studio.texts('Name')).toEqual(names);
    expect(await studio.texts('Value')).toEqual(values);
    await expect.poll(() => studio.yaml()).toBe(before);
    await savedWith(studio, JSON.stringify(before));
    await page.reload();
    await expect(page.getByText('Restored your autosaved work.')).toBeVisible();
    await expect.poll(() => studio.yaml()).toBe(before);
    expect(await studio.texts('Name')).toEqual(names);
  });

  test('renaming, adding and removing hosts keeps the TLS hosts in step; ingress off and on keeps the hosts', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.selectEnvironment('prod');
    await setRequiredSecrets(studio, 'prod');
    await studio.setHost(0, 'api.example.com');
    await studio.addHost();
    await studio.setHost(1, 'www.example.com');
    await expect.poll(() => studio.yaml()).toContain('host: www.example.com');
    await studio.removeHost(0);
    expect(await studio.texts('Host')).toEqual(['www.example.com']);
    // The focus moved to the host that took the removed one's place, off its Remove host button.
    await expect(studio.field('Host').first()).toBeFocused();
    // The certificate is for the hosts above: the renamed, added and removed hosts are all reflected.
    const rendered = await expectPreviewIsHelm(studio, 'prod');
    const ingress = rendered.split('\n---\n').find((d) => d.includes('\nkind: Ingress\n')) ?? '';
    expect(ingress).toContain(
      '- secretName: api-gateway-tls\n      hosts:\n        - "www.example.com"\n  rules:',
    );
    expect(ingress).toContain('- host: "www.example.com"');
    expect(ingress).not.toContain('statushawk.internal');
    expect(ingress).not.toContain('api.example.com');

    await studio.field('Ingress enabled').uncheck();
    await expect.poll(() => studio.previewText()).not.toContain('\nkind: Ingress\n');
    await studio.field('Ingress enabled').check();
    await expect.poll(() => studio.previewText()).toContain('\nkind: Ingress\n');
    expect(await studio.texts('Host')).toEqual(['www.example.com']);
    await expectPreviewIsHelm(studio, 'prod');
  });

  test('Ctrl+Z in the manifest filter or a secret undoes that text, not the values; in a value field it undoes the values', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setReplicas(5);
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 5\n');
    await page.getByLabel('Filter manifests').click();
    await page.keyboard.type('Serv');
    await page.keyboard.press('ControlOrMeta+Z');
    await nextFrame(studio);
    await studio.field('Database URL').click();
    await page.keyboard.type('postgres://u:p@db:5432/app');
    await page.keyboard.press('ControlOrMeta+Z');
    await nextFrame(studio);
    await expect(studio.field('Replicas')).toHaveValue('5');
    expect(await studio.yaml()).toContain('replicaCount: 5\n');
    await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeDisabled();
    await studio.field('Replicas').focus();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(studio.field('Replicas')).toHaveValue('1');
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 1\n');
  });

  test('a new environment from the chart defaults keeps the YAML typed in the editor as it is, renders it as helm does, and comes back after a reload without its secrets', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.waitForEditor();
    await studio.addEnvironment('qa-eu');
    await expect(page.getByRole('tab', { name: 'qa-eu', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const text =
      '# QA in the EU region\nreplicaCount: 3\nimage:\n  tag: v1.3.0-rc.1\nenv:\n  ALLOWED_HOSTS: qa.example.eu\n';
    await studio.setYaml(text);
    await expect(studio.field('Replicas')).toHaveValue('3');
    await setRequiredSecrets(studio, 'qa-eu');
    await expectPreviewIsHelm(studio, 'qa-eu');
    const saved = await savedWith(studio, JSON.stringify(text));
    expect(saved).not.toContain('key-for-qa-eu');
    await page.reload();
    await expect(page.getByRole('tab', { name: 'qa-eu', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect.poll(() => studio.yaml()).toBe(text);
    await expect(studio.field('Django secret key')).toHaveValue('');
    await expect(page.getByRole('alert', { name: 'Render error' })).toContainText(
      'secrets.djangoSecretKey is required',
    );
  });

  test('Import values: a file saved on Windows comes in with LF line endings; a file that does not parse changes nothing', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.waitForEditor();
    const before = await studio.yaml();
    await studio.importValues('broken.yaml', 'replicaCount: [1\n');
    const note = page.getByRole('status').filter({ hasText: 'broken.yaml is not a values file' });
    await expect(note).toHaveText(/^broken\.yaml is not a values file: line 2: .*\]\.?$/);
    expect(await studio.yaml()).toBe(before);
    await expect(studio.field('Replicas')).toBeEnabled();

    await studio.importValues(
      'values.win.yaml',
      '# from Windows\r\nreplicaCount: 4\r\nimage:\r\n  tag: v2.0.0\r\n',
    );
    await expect(page.getByText('Imported values.win.yaml into dev.')).toBeVisible();
    await expect(studio.field('Replicas')).toHaveValue('4');
    await expect.poll(() => studio.yaml()).toBe('# from Windows\nreplicaCount: 4\nimage:\n  tag: v2.0.0\n');
    // A form edit after the import goes into the same text.
    await studio.setImageTag('v2.0.1');
    await expect.poll(() => studio.yaml()).toBe('# from Windows\nreplicaCount: 4\nimage:\n  tag: v2.0.1\n');
  });

  test('a secret variable: its value can be emptied and retyped; names the chart or a plain variable use are refused; nothing is saved', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.addSecretVariable('API_TOKEN', 'tok-first');
    const value = studio.field('Secret value of API_TOKEN');
    await value.fill('');
    await expect(value).toHaveValue('');
    await expect(page.getByText('Enter a value (Remove deletes the variable).')).toBeVisible();
    await value.pressSequentially('tok-second');
    await expect(value).toHaveValue('tok-second');
    await expect(page.getByText('Enter a value (Remove deletes the variable).')).toBeHidden();
    expect((await studio.secrets())['secrets.extra.API_TOKEN']).toBe('tok-second');
    await expectPreviewIsHelm(studio, 'dev');

    await page.getByRole('button', { name: 'Add secret variable' }).click();
    await studio.field('Secret variable value').fill('x');
    const save = page.getByRole('button', { name: 'Save', exact: true });
    for (const [name, reason] of [
      ['DEBUG', 'DEBUG is also a plain variable, whose value would hide this secret.'],
      ['SECRET_KEY', 'The chart sets SECRET_KEY from the Django secret key field: use that field.'],
      ['API_TOKEN', 'This variable is already defined.'],
    ] as const) {
      await studio.field('Secret variable name').fill(name);
      await expect(page.getByText(reason)).toBeVisible();
      await expect(save).toBeDisabled();
    }

    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(storage).not.toContain('tok-');
    await page.reload();
    await studio.waitForRender();
    await expect(page.getByLabel(/^Secret value of /)).toHaveCount(0);
  });

  test('an undo that changes another environment says which, and leaves the view where it is', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setReplicas(4);
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 4');
    await studio.selectEnvironment('prod');
    const prod = await studio.yaml();
    await studio.undo();
    await expect(page.getByTestId('history-note')).toHaveText('Undo changed the values of dev.');
    await expect(page.getByRole('tab', { name: 'prod', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await studio.yaml()).toBe(prod);
    await studio.selectEnvironment('dev');
    await expect.poll(() => studio.yaml()).not.toContain('replicaCount: 4');
  });

  test('removing a secret variable puts the focus on the next one, then on Add secret variable', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.addSecretVariable('A_TOKEN', 'tok-a');
    await studio.addSecretVariable('B_TOKEN', 'tok-b');
    await page.getByRole('button', { name: 'Remove secret variable A_TOKEN', exact: true }).press('Enter');
    await expect(studio.field('Secret value of B_TOKEN')).toBeFocused();
    await page.getByRole('button', { name: 'Remove secret variable B_TOKEN', exact: true }).press('Enter');
    await expect(page.getByRole('button', { name: 'Add secret variable' })).toBeFocused();
    await expect(page.getByLabel(/^Secret value of /)).toHaveCount(0);
  });

  test('autoscaling on: Replicas is disabled with the reason, the HPA owns the count as helm renders it, and a maximum below the minimum is explained', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.openSection('Autoscaling');
    await expect(studio.field('Replicas')).toBeEnabled();
    await studio.field('Autoscaling enabled').check();
    await expect(studio.field('Replicas')).toBeDisabled();
    await expect(studio.field('Replicas')).toHaveAccessibleDescription(
      /Autoscaling is on: the HorizontalPodAutoscaler sets the number of pods/,
    );
    await studio.field('Maximum replicas').fill('1');
    await expect(studio.field('Maximum replicas')).toHaveAccessibleDescription(
      /Maximum replicas must be at least Minimum replicas \(2\)/,
    );
    await studio.field('Maximum replicas').fill('6');
    await expect(studio.field('Maximum replicas')).not.toHaveAttribute('aria-invalid', 'true');
    const rendered = await expectPreviewIsHelm(studio, 'dev');
    expect(rendered).toContain('\nkind: HorizontalPodAutoscaler\n');
    const deployment =
      rendered
        .split('\n---\n')
        .find((d) => d.includes('\nkind: Deployment\n') && d.includes('\n  name: api-gateway\n')) ?? '';
    expect(deployment).toContain('image: "devyusupov/statushawk-api-gateway:');
    expect(deployment).not.toMatch(/^ {2}replicas:/m);
    await studio.field('Autoscaling enabled').uncheck();
    await expect(studio.field('Replicas')).toBeEnabled();
  });

  test('quantities: 1.5Gi, 0.5 and 500M render as helm renders them; abc and a limit below its request are explained at the field', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setMemoryLimit('1.5Gi');
    await studio.setCpuLimit('0.5');
    await studio.field('Memory request').fill('500M');
    await expect.poll(() => studio.yaml()).toContain('memory: 500M');
    for (const name of ['Memory limit', 'CPU limit', 'Memory request']) {
      await expect(studio.field(name)).not.toHaveAttribute('aria-invalid', 'true');
    }
    await expectPreviewIsHelm(studio, 'dev');
    const good = await studio.yaml();
    await studio.setMemoryLimit('abc');
    await expect(studio.field('Memory limit')).toHaveAccessibleDescription(/Not a memory quantity/);
    await studio.setCpuLimit('50m');
    await expect(studio.field('CPU limit')).toHaveAccessibleDescription(
      /The CPU limit must be at least the CPU request \(100m\)/,
    );
    expect(await studio.yaml()).not.toContain('abc');
    expect(good).toContain('memory: 1.5Gi');
  });

  test('clearing Replicas or an env var name explains it and keeps the last good value, also after a reload', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setReplicas(3);
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 3\n');
    await studio.setReplicas('');
    await expect(studio.field('Replicas')).toHaveAccessibleDescription(/Enter a whole number\./);
    const name = studio.field('Name').first();
    await name.fill('');
    await name.press('Tab');
    await expect(page.getByText('Enter a variable name.')).toBeVisible();
    await name.fill('ALLOWED_HOSTS');
    await name.press('Enter');
    await expect(page.getByText('This variable is already defined.')).toBeVisible();
    const yaml = await studio.yaml();
    expect(yaml).toContain('replicaCount: 3\n');
    expect(yaml).toContain('  DEBUG: "True"\n');
    await expect.poll(() => studio.previewText()).toMatch(/kind: Deployment[\s\S]*\n {2}replicas: 3\n/);
    await savedWith(studio, 'replicaCount: 3');
    await page.reload();
    await expect(studio.field('Replicas')).toHaveValue('3');
    expect(await studio.texts('Name')).toEqual(['DEBUG', 'DJANGO_SETTINGS_MODULE', 'ALLOWED_HOSTS']);
  });

  test('keyboard only: Add variable and Add host put the focus in the new field, ready to type', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await page.getByRole('button', { name: 'Add variable' }).focus();
    await page.keyboard.press('Enter');
    const newName = studio.field('Name').nth(3);
    await expect(newName).toBeFocused();
    await page.keyboard.type('FEATURE_FLAG');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(studio.field('Value').nth(3)).toBeFocused();
    await page.keyboard.type('on');
    await expect.poll(() => studio.yaml()).toContain('  FEATURE_FLAG: "on"\n');

    await page.getByRole('button', { name: 'Add host' }).focus();
    await page.keyboard.press('Enter');
    await expect(studio.field('Host').nth(1)).toBeFocused();
    await page.keyboard.type('www.localtest.me');
    await expect.poll(() => studio.yaml()).toContain('host: www.localtest.me');
    await expectPreviewIsHelm(studio, 'dev');
  });

  test('switching environment while the YAML is invalid keeps each text; a duplicate environment name is refused', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    const original = await studio.yaml();
    const broken = original.replace('replicaCount: 1\n', 'replicaCount: [1\n');
    await studio.setYaml(broken);
    await expect(studio.field('Replicas')).toBeDisabled();
    await studio.selectEnvironment('staging');
    await expect(studio.field('Replicas')).toBeEnabled();
    await expect(studio.field('Replicas')).toHaveValue('2');
    await studio.setReplicas(3);
    await expect.poll(() => studio.yaml()).toContain('replicaCount: 3\n');
    await studio.selectEnvironment('dev');
    await expect.poll(() => studio.yaml()).toBe(broken);
    await expect(studio.field('Replicas')).toBeDisabled();
    await expect(studio.previewStatus).toHaveText(/^Stale: showing the last good render/);

    await page.getByRole('button', { name: 'Add environment' }).click();
    await studio.field('Environment name').fill('staging');
    await expect(page.getByText('There is already an environment named staging.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create' })).toBeDisabled();
    await studio.field('Environment name').press('Enter');
    await expect(page.getByRole('tablist', { name: 'Environments' }).getByRole('tab')).toHaveText([
      'dev',
      'staging',
      'prod',
    ]);

    await savedWith(studio, 'replicaCount: [1', 'replicaCount: 3', '"current":"dev"');
    await page.reload();
    await expect.poll(() => studio.yaml()).toBe(broken);
    await expect(studio.field('Replicas')).toBeDisabled();
    await studio.selectEnvironment('staging');
    await expect(studio.field('Replicas')).toHaveValue('3');
  });

  test('the preview filter with no match says so; clearing it shows every manifest again', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    const articles = studio.manifests.getByRole('article');
    const total = await articles.count();
    expect(total).toBeGreaterThan(5);
    await studio.filterManifests('no-such-manifest');
    await expect(studio.manifests.getByRole('status')).toHaveText(/^No manifest matches “no-such-manifest”/);
    await expect(page.getByText(`0 of ${total} manifests`)).toBeVisible();
    await expect(articles.filter({ visible: true })).toHaveCount(0);
    await studio.filterManifests('');
    await expect(studio.manifests.getByRole('status')).toHaveCount(0);
    await expect(articles.filter({ visible: true })).toHaveCount(total);
  });

  test('fast typing in Replicas and Image tag: the preview ends on the last value', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.field('Image tag').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('v10.20.30-rc.1');
    await studio.field('Replicas').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('123');
    await expect(studio.field('Replicas')).toHaveValue('123');
    await expect(studio.field('Image tag')).toHaveValue('v10.20.30-rc.1');
    const rendered = await expectPreviewIsHelm(studio, 'dev');
    expect(rendered).toMatch(/\n {2}replicas: 123\n/);
    expect(rendered).toContain(':v10.20.30-rc.1"');
  });

  test('a share link with unusual values and a new environment opens the same texts elsewhere', async ({
    page,
    browser,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.setRelease('gw-eu', 'apps-eu');
    await studio.addEnvironment('qa', 'prod');
    const text =
      '# ünïcode ✓ and emoji 🚀\nreplicaCount: 3\nenv:\n  GREETING: "héllo # not a comment"\n  QUOTE: \'it\'\'s "quoted"\'\n  EMPTY: ""\n';
    await studio.setYaml(text);
    const link = await studio.shareLink();
    const page2 = await pageElsewhere(browser);
    const studio2 = new StudioPage(page2);
    await page2.goto(link);
    await expect(page2.getByText('Opened the shared values.')).toBeVisible();
    await expect(page2.getByRole('tablist', { name: 'Environments' }).getByRole('tab')).toHaveText([
      'dev',
      'staging',
      'prod',
      'qa',
    ]);
    await expect(page2.getByRole('tab', { name: 'qa', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect.poll(() => studio2.yaml()).toBe(text);
    await expect(studio2.field('Release name')).toHaveValue('gw-eu');
    await expect(studio2.field('Namespace')).toHaveValue('apps-eu');
    expect(await studio2.texts('Value')).toEqual(
      expect.arrayContaining(['héllo # not a comment', 'it\'s "quoted"', '']),
    );
    await page2.context().close();
  });

  test('a form edit the YAML cannot take (an anchored value another key refers to) is refused with the reason, and the text stays', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    const text = 'replicaCount: &count 5\nautoscaling:\n  minReplicas: *count\n';
    await studio.setYaml(text);
    await expect(studio.field('Replicas')).toHaveValue('5');
    // 2 is the chart's default: the form would remove the key, and with it the anchor *count needs.
    await studio.setReplicas(2);
    await expect(page.getByTestId('edit-note')).toContainText('make it in the YAML editor');
    expect(await studio.yaml()).toBe(text);
    // The next edit the YAML can take goes through and the note goes.
    await studio.setReplicas(7);
    await expect.poll(() => studio.yaml()).toContain('replicaCount: &count 7');
    await expect(page.getByTestId('edit-note')).toHaveCount(0);
  });
});
