/**
 * The few parts of n8n's editor the browser test touches, found by the data-test-id attributes
 * n8n's own Playwright tests use (n8n-io/n8n packages/testing/playwright/pages: NodeCreator,
 * NodeDetailsViewPage, CredentialModal, SignInPage), so a restyled editor does not break them.
 */
import type { Locator, Page } from 'playwright-core';

import { OWNER } from '../../e2e/lib/rest';

/** A parameter's label as the user reads it (without the required mark and the Fixed/Expression switch). */
const labelsOf = (texts: string[]): string[] =>
	texts.map((text) => text.replace(/\s+/g, ' ').replace(/(\s*\*)?\s*(Fixed\s*Expression)?\s*$/, '').trim());

export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {
		page.setDefaultTimeout(20_000);
		// The first visit compiles the editor's scripts: slow on a busy machine.
		page.setDefaultNavigationTimeout(120_000);
	}

	async signIn(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
		await this.page.getByTestId('password').locator('input').fill(OWNER.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL(/\/home\//, { timeout: 60_000 });
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	/** Node names whose canvas node shows the red issues badge. */
	async nodesWithIssues(): Promise<string[]> {
		const nodes = this.page.getByTestId('canvas-node').filter({ has: this.page.getByTestId('node-issues') });
		return await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-node-name') ?? ''));
	}

	// --- node creator ------------------------------------------------------------------------

	/** Opens the node panel, searches, and returns the names of the items it lists. */
	async searchNodes(term: string): Promise<string[]> {
		const creator = this.page.getByTestId('node-creator');
		if (!(await creator.isVisible())) await this.page.getByTestId('node-creator-plus-button').click();
		await this.page.getByTestId('node-creator-search-bar').fill(term);
		const items = creator.getByTestId('item-iterator-item');
		await items
			.first()
			.or(this.page.getByTestId('node-creator-no-results'))
			.waitFor();
		await this.page.waitForTimeout(300); // the list filters as you type: let it settle
		return await items.getByTestId('node-creator-item-name').allInnerTexts();
	}

	async closeNodeCreator(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page.getByTestId('node-creator').waitFor({ state: 'hidden' });
	}

	// --- node details view -------------------------------------------------------------------

	parameters(): Locator {
		return this.page.getByTestId('node-parameters');
	}

	async openNode(name: string): Promise<void> {
		await this.canvasNode(name).dblclick();
		await this.parameters().waitFor();
		await this.settle();
	}

	async closeNode(): Promise<void> {
		if (!(await this.parameters().isVisible())) return;
		await this.page.getByTestId('ndv-close-button').click();
		await this.parameters().waitFor({ state: 'hidden' });
	}

	/** Waits until no dropdown of the panel is still loading its options. */
	async settle(): Promise<void> {
		const loading = async () =>
			await this.parameters()
				.locator('input')
				.evaluateAll((inputs) => inputs.some((input) => /^Loading/.test((input as unknown as { value: string }).value || input.getAttribute('placeholder') || '')));
		const deadline = Date.now() + 30_000;
		while ((await loading()) && Date.now() < deadline) await this.page.waitForTimeout(250);
		await this.page.waitForTimeout(300);
	}

	parameter(name: string): Locator {
		return this.parameters().getByTestId(`parameter-input-${name}`).first();
	}

	/** The hint under a parameter ("" when none). */
	async hint(name: string): Promise<string> {
		const item = this.parameters().getByTestId('parameter-item').filter({ has: this.page.getByTestId(`parameter-input-${name}`) }).first();
		const hint = item.getByTestId('parameter-input-hint');
		return (await hint.count()) > 0 ? (await hint.first().innerText()).trim() : '';
	}

	/** Labels of the parameters showing an issue (red warning) in the open panel. */
	async parametersWithIssues(): Promise<string[]> {
		const items = this.parameters().getByTestId('parameter-item').filter({ has: this.page.getByTestId('parameter-issues') });
		return labelsOf(await items.evaluateAll((elements) => elements.map((element) => element.querySelector('label')?.textContent ?? '')));
	}

	/**
	 * Opens a dropdown and reads it: the option names it lists, and the text its input shows
	 * (n8n puts "Error fetching options from <node>" there when loading failed).
	 */
	async readDropdown(name: string): Promise<{ options: string[]; shows: string }> {
		const input = this.parameter(name);
		await input.scrollIntoViewIfNeeded();
		const field = input.locator('input').first();
		const shows = `${await field.inputValue().catch(() => '')} ${(await field.getAttribute('placeholder')) ?? ''}`.trim();
		await input.click();
		const items = this.page.locator('.el-popper:visible [role="option"]');
		await items
			.first()
			.waitFor({ timeout: 5_000 })
			.catch(() => undefined);
		const options = await items.locator('.option-headline').allInnerTexts();
		// Escape closes the open list; with no list open it would close the whole panel.
		if ((await this.page.locator('.el-popper:visible .el-select-dropdown').count()) > 0) {
			await this.page.keyboard.press('Escape');
			await items.first().waitFor({ state: 'hidden' }).catch(() => undefined);
		}
		return { options, shows };
	}

	async selectOption(name: string, option: string | RegExp): Promise<void> {
		await this.parameter(name).click();
		await this.page.locator('.el-popper:visible [role="option"]').filter({ hasText: option }).first().click();
		await this.settle();
	}

	// --- credentials -------------------------------------------------------------------------

	/** Opens a credential's edit dialog and returns the labels of its fields, top to bottom. */
	async credentialFields(id: string): Promise<string[]> {
		await this.page.goto(`${this.baseUrl}/home/credentials/${id}`);
		const dialog = this.page.getByTestId('credential-edit-dialog');
		await dialog.waitFor();
		const fields = dialog.getByTestId('credential-connection-parameter');
		await fields.first().waitFor();
		return labelsOf(
			await fields.evaluateAll((elements) =>
				elements
					.filter((element) => (element as unknown as { offsetParent: unknown }).offsetParent !== null)
					.map((element) => element.querySelector('label')?.textContent ?? ''),
			),
		);
	}

	async screenshot(path: string, target?: Locator): Promise<void> {
		await this.page.mouse.move(0, 0); // no hover effects in the picture
		await (target ?? this.page).screenshot({ path, animations: 'disabled' });
	}
}
