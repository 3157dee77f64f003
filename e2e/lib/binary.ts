/**
 * Reads the bytes of a binary property from a finished execution: inline base64 (`data`), or
 * a file n8n's filesystem binary-data mode wrote under the user folder (`id` =
 * "filesystem-v2:<relative path>" or "filesystem:<name>").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BinaryMeta } from './n8n';

function findFile(root: string, name: string): string | undefined {
	if (!existsSync(root)) return undefined;
	for (const entry of readdirSync(root, { withFileTypes: true })) {
		const full = join(root, entry.name);
		if (entry.isDirectory()) {
			const found = findFile(full, name);
			if (found) return found;
		} else if (entry.name === name) {
			return full;
		}
	}
	return undefined;
}

export function readBinary(userFolder: string, meta: BinaryMeta): Buffer {
	if (meta.id) {
		const [, relative] = /^[a-z0-9-]+:(.+)$/i.exec(meta.id) ?? [];
		const storage = join(userFolder, '.n8n', 'storage');
		const direct = relative ? join(storage, relative) : '';
		if (direct && existsSync(direct)) return readFileSync(direct);
		const found = relative ? findFile(join(userFolder, '.n8n'), relative.split('/').pop() ?? '') : undefined;
		if (found) return readFileSync(found);
		throw new Error(`binary data ${meta.id} not found under ${userFolder}/.n8n`);
	}
	if (meta.data) return Buffer.from(meta.data, 'base64');
	throw new Error(`binary property has neither id nor data: ${JSON.stringify(meta)}`);
}
