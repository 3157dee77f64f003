/** One loader for the scrubbed API payloads in test/fixtures/<vendor>/ (one file per response). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

export type FixtureVendor = 'shipengine' | 'sera';

export function loadFixture<T = IDataObject>(vendor: FixtureVendor, name: string): T {
	return JSON.parse(readFileSync(path.join(__dirname, '../fixtures', vendor, name), 'utf8')) as T;
}
