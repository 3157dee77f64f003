/**
 * Dropdowns filled from the account: the carrier services SERA offers this user
 * (GET /v1/carrier-services), and the security question catalogue (GET /v1/security_questions).
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { CREDENTIAL_NAME, seraBaseUrl } from './environment';
import { seraHttpError } from './errors';
import { parseBody } from '../../shared/errors';
import { OAUTH2_IGNORE_HTTP_STATUS_ERRORS, thrownHttpAnswer } from '../../shared/n8nVersions';

async function seraGet(ctx: ILoadOptionsFunctions, url: string, qs?: IDataObject): Promise<unknown> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_NAME, {
			method: 'GET',
			baseURL: seraBaseUrl(credentials),
			url,
			qs,
			headers: { Accept: 'application/json' },
			returnFullResponse: true,
			// A 401 must throw for n8n to refresh the token (n8n 1.x and 2.x: nodes/shared/n8nVersions.ts).
			ignoreHttpStatusErrors: OAUTH2_IGNORE_HTTP_STATUS_ERRORS,
		})) as { body: unknown };
		return parseBody(response.body);
	} catch (error) {
		const answer = thrownHttpAnswer(error);
		throw answer ? seraHttpError(ctx, answer) : error;
	}
}

interface CarrierServices {
	shipping_options?: Array<{ carrier?: string; services?: Array<{ service_type?: string; service_name?: string }> }>;
}

/** Service types the account can use, "Carrier: Service name", sorted. */
export async function getServiceTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = (await seraGet(this, '/v1/carrier-services')) as CarrierServices;
	const options = new Map<string, INodePropertyOptions>();
	for (const carrier of body?.shipping_options ?? []) {
		for (const service of carrier.services ?? []) {
			if (!service.service_type) continue;
			options.set(service.service_type, {
				name: service.service_name ?? service.service_type,
				value: service.service_type,
				description: carrier.carrier ? `Carrier: ${carrier.carrier}` : undefined,
			});
		}
	}
	return [...options.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The security questions an account can choose from. */
export async function getSecurityQuestions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = (await seraGet(this, '/v1/security_questions')) as Array<{ security_question?: string; security_question_type?: string }>;
	return (Array.isArray(body) ? body : [])
		.filter((q) => q.security_question_type)
		.map((q) => ({ name: q.security_question ?? String(q.security_question_type), value: String(q.security_question_type) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
