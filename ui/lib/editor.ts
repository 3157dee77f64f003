/**
 * The few parts of n8n's editor the browser test touches, found by the data-test-id attributes
 * n8n's own Playwright tests use (n8n-io/n8n packages/testing/playwright/pages: NodeCreator,
 * NodeDetailsViewPage, CredentialModal, SignInPage), so a restyled editor does not break them.
 * Every id used here exists in n8n 2.41.1 and 1.123.81; where the two differ, both are named
 * (closing the node panel: 2.x `ndv-close-button`, 1.x `back-to-canvas`).
 *
 * No fixed sleeps: every step waits for the condition it needs (an element, the end of option
 * loading, a list that matches), so the test runs as fast as the editor answers.
 */
import type { Locator, Page } from 'playwright-core';

import { OWNER } from '../../e2e/lib/rest';

/** A parameter's label as the user reads it (without the required mark and the Fixed/Expression switch). */
const labelsOf = (texts: string[]): string[] =>
	texts.map((text) => text.replace(/\s+/g, ' ').replace(/(\s*\*)?\s*(Fixed\s*Expression)?\s*$/, '').trim());

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** An open option list of a select (element-plus, in both n8n lines). */
const OPEN_LIST = '.el-popper:visible .el-select-dropdown';

export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {
		page.setDefaultTimeout(20_000);
		// The first visit compiles the editor's scripts: slow on a busy machine.
		page.setDefaultNavigationTimeout(120_000);
	}

	/**
	 * Turns CSS transitions and animations off in every page: the panel, lists and dialogs then
	 * open and close at once (nothing to wait for); the checks are about content, not motion.
	 */
	async noAnimations(): Promise<void> {
		await this.page.addInitScript(() => {
			const style = () => {
				const element = document.createElement('style');
				element.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
				document.head.appendChild(element);
			};
			if (document.head) style();
			else document.addEventListener('DOMContentLoaded', style);
		});
	}

	async signIn(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
		await this.page.getByTestId('password').locator('input').fill(OWNER.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL(/\/home\//, { timeout: 60_000 });
	}

	/** Opens a stored workflow (a no-op when it is already open, with the node panel closed). */
	async openWorkflow(id: string): Promise<void> {
		if (new URL(this.page.url()).pathname === `/workflow/${id}`) {
			await this.closeNode();
			return;
		}
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	/** The grey line under a node's name on the canvas (the node type's `subtitle`). */
	async canvasSubtitle(name: string): Promise<string> {
		return (await this.canvasNode(name).locator('[class*="_subtitle_"]').first().innerText()).trim();
	}

	/** Node names whose canvas node shows the red issues badge. */
	async nodesWithIssues(): Promise<string[]> {
		const nodes = this.page.getByTestId('canvas-node').filter({ has: this.page.getByTestId('node-issues') });
		return await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-node-name') ?? ''));
	}

	// --- node creator ------------------------------------------------------------------------

	/**
	 * Opens the node panel, searches, and returns the names of the items it lists once `expected`
	 * are among them (or the list as it stands after the wait, for the test to report). The search
	 * is cleared first and our nodes are gone from the list before the term is typed, so the list
	 * read is the new term's.
	 */
	async searchNodes(term: string, expected: string[]): Promise<string[]> {
		const creator = this.page.getByTestId('node-creator');
		if (!(await creator.isVisible())) await this.page.getByTestId('node-creator-plus-button').click();
		const bar = this.page.getByTestId('node-creator-search-bar');
		const names = creator.getByTestId('item-iterator-item').getByTestId('node-creator-item-name');
		await bar.fill('');
		await names.filter({ hasText: /^(ShipEngine|Stamps\.com)/ }).first().waitFor({ state: 'detached' });
		await bar.fill(term);
		for (const name of expected) {
			await names
				.filter({ hasText: exactly(name) })
				.first()
				.waitFor({ timeout: 10_000 })
				.catch(() => undefined);
		}
		return await names.allInnerTexts();
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
		await this.page.getByTestId('ndv-close-button').or(this.page.getByTestId('back-to-canvas')).first().click();
		await this.parameters().waitFor({ state: 'hidden' });
	}

	/**
	 * Waits until no dropdown of the open panel is loading its options: a single select shows
	 * "Loading options...", a multiple one only turns disabled (n8n disables both while loading).
	 */
	async settle(): Promise<void> {
		await this.page.waitForFunction(
			() =>
				![...document.querySelectorAll('[data-test-id="node-parameters"] .el-select input')].some(
					(input) =>
						(input as HTMLInputElement).disabled ||
						/^Loading/.test((input as HTMLInputElement).value || input.getAttribute('placeholder') || ''),
				),
			undefined,
			{ timeout: 30_000 },
		);
	}

	/** Scrolls the open panel's parameters back to the top (for a picture of the panel). */
	async scrollParametersToTop(): Promise<void> {
		await this.parameters().evaluate((element) => {
			for (let node: Element | null = element; node; node = node.parentElement) {
				if (node.scrollTop > 0) node.scrollTop = 0;
			}
		});
	}

	parameter(name: string): Locator {
		return this.parameters().getByTestId(`parameter-input-${name}`).first();
	}

	private parameterItem(name: string): Locator {
		return this.parameters().getByTestId('parameter-item').filter({ has: this.page.getByTestId(`parameter-input-${name}`) }).first();
	}

	/**
	 * The hint under a parameter ("" when none): the item's visible text outside its label and
	 * its input (n8n renders a node's HTML hint without a test id).
	 */
	async hint(name: string): Promise<string> {
		return await this.parameterItem(name).evaluate((item, input) => {
			const own = item.querySelector(`[data-test-id="${input}"]`);
			const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
			const texts: string[] = [];
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const parent = node.parentElement;
				if (!parent || parent.closest('label') || (own && own.contains(parent))) continue;
				if ((parent as HTMLElement).offsetParent === null) continue;
				texts.push(node.textContent ?? '');
			}
			return texts.join(' ').replace(/\s+/g, ' ').trim();
		}, `parameter-input-${name}`);
	}

	/** Labels of the parameters showing an issue (red warning) in the open panel. */
	async parametersWithIssues(): Promise<string[]> {
		await this.settle();
		const items = this.parameters().getByTestId('parameter-item').filter({ has: this.page.getByTestId('parameter-issues') });
		return labelsOf(await items.evaluateAll((elements) => elements.map((element) => element.querySelector('label')?.textContent ?? '')));
	}

	/**
	 * Opens a dropdown and reads it: the option names it lists, and the text its input shows
	 * (n8n puts "Error fetching options from <node>" there when loading failed, and shows an
	 * empty value as the field's placeholder).
	 */
	async readDropdown(name: string): Promise<{ options: string[]; shows: string }> {
		const input = this.parameter(name);
		await input.scrollIntoViewIfNeeded();
		const field = input.locator('input').first();
		const value = await field.inputValue().catch(() => '');
		const shows = value || ((await field.getAttribute('placeholder')) ?? '');
		const list = this.page.locator(OPEN_LIST);
		await this.openList(input);
		const options = await list.locator('[role="option"] .option-headline').allInnerTexts();
		// Escape closes the open list; with no list open it would close the whole panel.
		await this.page.keyboard.press('Escape');
		await list.first().waitFor({ state: 'hidden' });
		return { options, shows: shows.trim() };
	}

	/** Clicks a select until its option list is open (a click during another list's closing is lost). */
	private async openList(input: Locator): Promise<void> {
		const list = this.page.locator(OPEN_LIST).first();
		for (let attempt = 1; ; attempt++) {
			// The pointer may rest on another field's label: its tooltip would take the click.
			await this.page.mouse.move(0, 0);
			try {
				await input.click({ timeout: 5_000 });
				await list.waitFor({ timeout: 5_000 });
				return;
			} catch (error) {
				if (attempt === 3) throw error;
			}
		}
	}

	async selectOption(name: string, option: string | RegExp): Promise<void> {
		await this.openList(this.parameter(name));
		await this.page.locator(`${OPEN_LIST} [role="option"]`).filter({ hasText: option }).first().click();
		await this.page.locator(OPEN_LIST).first().waitFor({ state: 'hidden' });
		await this.settle();
	}

	// --- credentials -------------------------------------------------------------------------

	private credentialDialog(): Locator {
		return this.page.getByTestId('credential-edit-dialog');
	}

	/** Opens a credential's edit dialog and returns the labels of its visible fields, top to bottom. */
	async credentialFields(id: string): Promise<string[]> {
		if (new URL(this.page.url()).pathname !== `/home/credentials/${id}`) await this.page.goto(`${this.baseUrl}/home/credentials/${id}`);
		await this.credentialDialog().getByTestId('credential-connection-parameter').first().waitFor();
		return await this.visibleCredentialFields();
	}

	private async visibleCredentialFields(): Promise<string[]> {
		return labelsOf(
			await this.credentialDialog()
				.getByTestId('credential-connection-parameter')
				.evaluateAll((elements) =>
					elements
						.filter((element) => (element as HTMLElement).offsetParent !== null)
						.map((element) => element.querySelector('label')?.textContent ?? ''),
				),
		);
	}

	/** Switches a boolean field of the open credential dialog and returns the fields shown then. */
	async toggleCredentialField(label: string): Promise<string[]> {
		const field = this.credentialDialog()
			.getByTestId('credential-connection-parameter')
			.filter({ has: this.page.locator('label', { hasText: label }) })
			.first();
		const before = await this.visibleCredentialFields();
		await field.locator('.el-switch').first().click();
		await this.page.waitForFunction(
			(count) =>
				[...document.querySelectorAll('[data-test-id="credential-edit-dialog"] [data-test-id="credential-connection-parameter"]')].filter(
					(element) => (element as HTMLElement).offsetParent !== null,
				).length !== count,
			before.length,
			{ timeout: 5_000 },
		).catch(() => undefined);
		return await this.visibleCredentialFields();
	}

	async screenshot(path: string, target?: Locator): Promise<void> {
		await this.page.mouse.move(0, 0); // no hover effects in the picture
		await (target ?? this.page).screenshot({ path, animations: 'disabled' });
	}
}
