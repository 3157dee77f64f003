/**
 * Debian's Chromium (/usr/bin/chromium, installed by ui/install-chromium.sh) driven by
 * playwright-core. The flags keep Chromium from calling home: on a closed network its
 * background connections (component updates, sync, QUIC probes) are refused and slow it down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.UI_CHROMIUM ?? '/usr/bin/chromium';

export interface Browser {
	context: BrowserContext;
	close(): Promise<void>;
}

export async function launchChromium(options: { width?: number; height?: number; dark?: boolean } = {}): Promise<Browser> {
	// n8n's editor marks its elements with data-test-id (n8n's own Playwright tests do the same).
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'n8n-shipengine-ui-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
		viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
		colorScheme: options.dark ? 'dark' : 'light',
	});
	return {
		context,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
