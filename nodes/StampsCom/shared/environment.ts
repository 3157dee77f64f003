/**
 * Which SERA host a request goes to: the credential's API Base URL override when set,
 * else staging or production as chosen in the credential's Environment field.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SERA_PRODUCTION_API, SERA_STAGING_API } from '../../shared/constants';

export const CREDENTIAL_NAME = 'stampsComOAuth2Api';

/** requestDefaults.baseURL, resolved by the engine with $credentials (STYLE 4.1). */
export const SERA_BASE_URL_EXPRESSION = `={{ ($credentials.apiBaseUrl || ($credentials.environment === "staging" ? "${SERA_STAGING_API}" : "${SERA_PRODUCTION_API}")).replace(/\\/+$/, "") }}`;

/** The same rule for code that builds its own request (load options). */
export function seraBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.apiBaseUrl ?? '').trim();
	const base = override || (credentials.environment === 'staging' ? SERA_STAGING_API : SERA_PRODUCTION_API);
	return base.replace(/\/+$/, '');
}
