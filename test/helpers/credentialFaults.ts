/**
 * n8n's database failing credential loads, injected where n8n's database sits: its credentials
 * helper (getDecrypted). In queue mode a worker whose PostgreSQL pool is saturated fails them
 * with this message (scale/README.md). Restore with jest.restoreAllMocks().
 */
import { TestCredentialsHelper } from './credentials';

export const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * Counts n8n's credential loads and fails the chosen ones (1-based; load 1 is the routing node's
 * own, then one per request, plus any the node makes itself).
 */
export function failCredentialLoads(fails: (load: number) => boolean): { loads: () => number } {
	const original = TestCredentialsHelper.prototype.getDecrypted;
	let loads = 0;
	jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted').mockImplementation(async function (this: TestCredentialsHelper, ...args) {
		loads++;
		if (fails(loads)) throw new Error(POOL_TIMEOUT);
		return await original.apply(this, args);
	});
	return { loads: () => loads };
}
