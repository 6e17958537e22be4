import { expect, type Locator, type Page } from '@playwright/test';

/** ExportPanel holds the user's intents on the studio's Export tab; the specs hold the assertions. */
export class ExportPanel {
  constructor(readonly page: Page) {}

  /** open switches the output pane to the Export tab. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Export', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Download chart' })).toBeVisible();
  }

  field(name: string): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  async setVersion(version: string): Promise<void> {
    await this.field('Chart version').fill(version);
  }

  async setDryRun(on: boolean): Promise<void> {
    await this.field('Dry run').setChecked(on);
  }

  async chooseHelm(major: 3 | 4): Promise<void> {
    await this.field('Helm version').selectOption(String(major));
  }

  /** download clicks a download button and saves the file into dir; returns its path and suggested name. */
  async download(button: string, dir: string): Promise<{ path: string; name: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    const name = download.suggestedFilename();
    const path = `${dir}/${name}`;
    await download.saveAs(path);
    return { path, name };
  }

  /** refusal clicks a button that must not deliver anything and returns the reason shown. */
  async refusal(button: string): Promise<string> {
    let downloaded = false;
    const onDownload = () => {
      downloaded = true;
    };
    this.page.on('download', onDownload);
    await this.page.getByRole('button', { name: button, exact: true }).click();
    const alert = this.page.getByRole('region', { name: /^Export / }).getByRole('alert');
    await expect(alert).toBeVisible();
    this.page.off('download', onDownload);
    expect(downloaded, `${button} must not download anything`).toBe(false);
    return (await alert.textContent()) ?? '';
  }

  /** commandText is the command as the panel shows it. */
  async commandText(): Promise<string> {
    return (await this.page.getByTestId('helm-command').textContent()) ?? '';
  }

  /** copyCommand clicks "Copy helm command" and returns what reached the clipboard. */
  async copyCommand(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy helm command' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Copied the helm command.' })).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
