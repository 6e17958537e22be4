import { expect, type Locator, type Page } from '@playwright/test';

/** SECRET_LABELS are the secret fields of the studio's secrets section, by accessible name. */
export const SECRET_LABELS = {
  'secrets.djangoSecretKey': 'Django secret key',
  'secrets.databaseUrl': 'Database URL',
  'postgresql.auth.password': 'PostgreSQL password',
} as const;

interface MonacoModel {
  uri: { toString(): string };
  getValue(): string;
  getFullModelRange(): unknown;
}

interface MonacoOnPage {
  editor: {
    getModels(): MonacoModel[];
    getEditors(): {
      getModel(): MonacoModel | null;
      focus(): void;
      executeEdits(source: string, edits: { range: unknown; text: string }[]): boolean;
    }[];
    getModelMarkers(
      filter: object,
    ): { message: string; startLineNumber: number; severity: number; owner: string }[];
  };
}

/**
 * StudioPage holds the user's intents on the studio page (`setReplicas(3)`, `selectEnvironment('prod')`);
 * the specs hold the assertions.
 */
export class StudioPage {
  constructor(readonly page: Page) {}

  /** goto opens the studio (optionally with a URL fragment) and waits for the first preview. */
  async goto(fragment = ''): Promise<void> {
    await this.page.goto(`/${fragment}`);
    await this.waitForRender();
  }

  /** field is a form control by its exact accessible name. */
  field(name: string): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  get previewStatus(): Locator {
    return this.page.getByTestId('preview-status');
  }

  get manifests(): Locator {
    return this.page.getByRole('region', { name: 'Rendered manifests' });
  }

  /**
   * waitForRender waits until the preview shows a successful render of the latest edit: no render is
   * on its way (`data-pending`, set from the edit on; the words "Rendering…" only show when it is slow).
   */
  async waitForRender(): Promise<void> {
    await expect(this.previewStatus).toHaveAttribute('data-pending', 'false', { timeout: 20_000 });
    await expect(this.previewStatus).toHaveText(/^Rendered \d+ documents/, { timeout: 20_000 });
  }

  /** waitForEditor waits until Monaco has replaced the plain text area. */
  async waitForEditor(): Promise<void> {
    await expect(this.page.getByTestId('yaml-editor')).toHaveAttribute('data-monaco-ready', 'true', {
      timeout: 30_000,
    });
  }

  async setReplicas(n: number | string): Promise<void> {
    await this.field('Replicas').fill(String(n));
  }

  async setImageTag(tag: string): Promise<void> {
    await this.field('Image tag').fill(tag);
  }

  async setMemoryLimit(q: string): Promise<void> {
    await this.field('Memory limit').fill(q);
  }

  async setCpuLimit(q: string): Promise<void> {
    await this.field('CPU limit').fill(q);
  }

  /** addVariable adds an env var row and fills its name and value. */
  async addVariable(name: string, value: string): Promise<void> {
    const names = this.field('Name');
    const row = await names.count();
    await this.page.getByRole('button', { name: 'Add variable' }).click();
    // The form follows the edit once its preview is out: wait for the new row, never fill an older one.
    await expect(names).toHaveCount(row + 1);
    await names.nth(row).fill(name);
    await names.nth(row).press('Enter');
    await expect(this.field('Name').nth(row)).toHaveValue(name);
    await this.field('Value').nth(row).fill(value);
  }

  /** removeVariable removes the env var row of `name` and waits until the row is gone. */
  async removeVariable(name: string): Promise<void> {
    const rows = await this.field('Name').count();
    await this.page.getByRole('button', { name: `Remove variable ${name}`, exact: true }).click();
    await expect(this.field('Name')).toHaveCount(rows - 1);
  }

  /** texts returns the texts of every control with the accessible name `name`, in page order. */
  async texts(name: string): Promise<string[]> {
    return this.field(name).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  }

  /** addHost adds an ingress host and waits for its row. */
  async addHost(): Promise<void> {
    const hosts = await this.field('Host').count();
    await this.page.getByRole('button', { name: 'Add host' }).click();
    await expect(this.field('Host')).toHaveCount(hosts + 1);
  }

  /** removeHost removes the i-th ingress host and waits until it is gone. */
  async removeHost(index: number): Promise<void> {
    const hosts = await this.field('Host').count();
    await this.page.getByRole('button', { name: `Remove host ${index + 1}`, exact: true }).click();
    await expect(this.field('Host')).toHaveCount(hosts - 1);
  }

  /** openSection expands a collapsed section of the form (Autoscaling, Probes…). */
  async openSection(title: string): Promise<void> {
    const section = this.page.locator('details.form-section', {
      has: this.page.getByRole('heading', { name: title, exact: true }),
    });
    if ((await section.getAttribute('open')) === null) {
      await section.locator('summary').click();
    }
    await expect(section).toHaveAttribute('open', '');
  }

  async filterManifests(text: string): Promise<void> {
    await this.page.getByLabel('Filter manifests').fill(text);
  }

  /** setHost sets the host name of the i-th ingress host. */
  async setHost(index: number, host: string): Promise<void> {
    await this.field('Host').nth(index).fill(host);
  }

  async setSecret(path: keyof typeof SECRET_LABELS, value: string): Promise<void> {
    await this.field(SECRET_LABELS[path]).fill(value);
  }

  /** addSecretVariable adds an extra secret environment variable (secrets.extra.NAME). */
  async addSecretVariable(name: string, value: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add secret variable' }).click();
    await this.field('Secret variable name').fill(name);
    await this.field('Secret variable value').fill(value);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.field(`Secret value of ${name}`)).toHaveValue(value);
  }

  /** secrets reads the secrets of the current environment (non-empty ones), by value path. */
  async secrets(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [path, label] of Object.entries(SECRET_LABELS)) {
      const v = await this.field(label).inputValue();
      if (v !== '') out[path] = v;
    }
    const extras = this.page.getByLabel(/^Secret value of /);
    for (let i = 0; i < (await extras.count()); i++) {
      const name = ((await extras.nth(i).getAttribute('aria-label')) ?? '').replace(/^Secret value of /, '');
      out[`secrets.extra.${name}`] = await extras.nth(i).inputValue();
    }
    return out;
  }

  async setRelease(name: string, namespace?: string): Promise<void> {
    await this.field('Release name').fill(name);
    if (namespace !== undefined) await this.field('Namespace').fill(namespace);
  }

  async selectEnvironment(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  async addEnvironment(name: string, startFrom?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add environment' }).click();
    await this.field('Environment name').fill(name);
    if (startFrom) await this.field('Start from').selectOption(startFrom);
    await this.page.getByRole('button', { name: 'Create' }).click();
  }

  async openView(name: 'Preview' | 'Changes from defaults' | 'Compare environments'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo', exact: true }).click();
  }

  async redo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Redo', exact: true }).click();
  }

  /** yaml returns the text of the current environment's values YAML, as the editor holds it. */
  async yaml(): Promise<string> {
    await this.waitForEditor();
    const env = await this.currentEnvironment();
    return this.page.evaluate((uri) => {
      const monaco = (globalThis as unknown as { __studioMonaco: MonacoOnPage }).__studioMonaco;
      return (
        monaco.editor
          .getModels()
          .find((m) => m.uri.toString() === uri)
          ?.getValue() ?? ''
      );
    }, `file:///${env}/values.yaml`);
  }

  /**
   * setYaml replaces the whole YAML text through the editor, as one edit (a paste would do the same;
   * typing line by line would trigger Monaco's auto-indent).
   */
  async setYaml(text: string): Promise<void> {
    await this.waitForEditor();
    const env = await this.currentEnvironment();
    await this.page.evaluate(
      ({ uri, text }) => {
        const monaco = (globalThis as unknown as { __studioMonaco: MonacoOnPage }).__studioMonaco;
        const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.toString() === uri);
        const model = editor?.getModel();
        if (!editor || !model) throw new Error(`no editor for ${uri}`);
        editor.focus();
        editor.executeEdits('e2e', [{ range: model.getFullModelRange(), text }]);
      },
      { uri: `file:///${env}/values.yaml`, text },
    );
    await expect.poll(() => this.yaml()).toBe(text);
  }

  /** typeYamlLine retypes, key by key, the editor line that contains `match`. */
  async typeYamlLine(match: string, line: string): Promise<void> {
    await this.waitForEditor();
    await this.page.getByTestId('yaml-editor').locator('.view-line', { hasText: match }).first().click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Shift+Home');
    await this.page.keyboard.type(line);
  }

  /** markers returns Monaco's markers of the current environment's YAML. */
  async markers(): Promise<{ message: string; line: number; severity: number }[]> {
    const env = await this.currentEnvironment();
    return this.page.evaluate((uri) => {
      const monaco = (globalThis as unknown as { __studioMonaco: MonacoOnPage }).__studioMonaco;
      return monaco.editor
        .getModelMarkers({})
        .filter((m) => (m as unknown as { resource: { toString(): string } }).resource.toString() === uri)
        .map((m) => ({ message: m.message, line: m.startLineNumber, severity: m.severity }));
    }, `file:///${env}/values.yaml`);
  }

  async currentEnvironment(): Promise<string> {
    const tab = this.page.getByRole('tablist', { name: 'Environments' }).getByRole('tab', { selected: true });
    return ((await tab.textContent()) ?? '').trim();
  }

  /** previewText returns the whole rendered output as the page shows it. */
  async previewText(): Promise<string> {
    const parts = await this.manifests.getByTestId('manifest-text').allTextContents();
    return parts.join('');
  }

  /** shareLink makes a share link and returns it. */
  async shareLink(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy share link' }).click();
    return this.field('Share link (no secrets)').inputValue();
  }

  /** importValues imports a values file from "disk". */
  async importValues(name: string, text: string): Promise<void> {
    await this.page
      .getByLabel('Import values')
      .setInputFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  }
}
