/**
 * Which SERA host a request goes to: the credential's API Base URL override when set,
 * else staging or production as chosen in the credential's Environment field.
 */
import type { ICredentialDataDecryptedObject, IExecuteSingleFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { SERA_PRODUCTION_API, SERA_STAGING_API } from '../../shared/constants';
import { allowCredentialHost } from '../../shared/ownHost';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../../shared/retry';

export const CREDENTIAL_NAME = 'stampsComOAuth2Api';

/**
 * requestDefaults.baseURL. Static on purpose: n8n evaluates an expression there twice per item
 * (bench/RESULTS.md); `useCredentialHost` points each request at the credential's host instead.
 */
export const SERA_STATIC_BASE_URL = SERA_PRODUCTION_API;

/** The host rule, for requests the engine sends (`useCredentialHost`) and for load options. */
export function seraBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.apiBaseUrl ?? '').trim();
	const base = override || (credentials.environment === 'staging' ? SERA_STAGING_API : SERA_PRODUCTION_API);
	return base.replace(/\/+$/, '');
}

/**
 * Reads the credential's host. A read n8n could not do (queue mode: its database pool timed out)
 * is tried again with the shared backoff, like a request n8n failed to send; n8n's own
 * configuration errors (no credential set) are not.
 */
async function readBaseUrl(ctx: IExecuteSingleFunctions): Promise<string> {
	for (let attempt = 1; ; attempt++) {
		let failure: unknown;
		try {
			return seraBaseUrl(await ctx.getCredentials(CREDENTIAL_NAME));
		} catch (error) {
			failure = error;
		}
		if (failure instanceof NodeOperationError) throw failure;
		if (attempt >= DEFAULT_RETRY_POLICY.maxAttempts) {
			throw new NodeApiError(ctx.getNode(), failure as JsonObject, {
				message: (failure as Error).message,
				description: `n8n could not read the Stamps.com credential (tried ${attempt} times); nothing was sent. Run the node again.`,
			});
		}
		await sleep(backoffDelay(attempt));
	}
}

/**
 * The base URL of each node run, read once from the credential (n8n loads a credential from its
 * database and decrypts it on every read). Keyed by the run's execute data, which all items of
 * one node run share, so it goes away with the run. A failed read is not kept.
 */
const baseUrls = new WeakMap<object, Promise<string>>();

function credentialBaseUrl(ctx: IExecuteSingleFunctions): Promise<string> {
	const run = ctx.getExecuteData() as object | undefined;
	const cached = run ? baseUrls.get(run) : undefined;
	if (cached) return cached;
	const loading = readBaseUrl(ctx);
	if (run) {
		baseUrls.set(run, loading);
		loading.catch(() => {
			if (baseUrls.get(run) === loading) baseUrls.delete(run);
		});
	}
	return loading;
}

/** First preSend of every operation: the request goes to the credential's SERA host. */
export async function useCredentialHost(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const baseURL = await credentialBaseUrl(this);
	requestOptions.baseURL = baseURL;
	if (requestOptions.allowedDomains) {
		requestOptions.allowedDomains = allowCredentialHost(requestOptions.allowedDomains, SERA_STATIC_BASE_URL, baseURL);
	}
	return requestOptions;
}
