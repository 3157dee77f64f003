/**
 * How every Stamps.com operation sends its request (`requestOperations.pagination`): the shared
 * retry policy, with each attempt's HTTP error read back as SERA's error. HTTP errors throw
 * (so n8n 1.x and 2.x both refresh the OAuth2 token on a 401: nodes/shared/n8nVersions.ts), so
 * SERA's message, code and reference id come from the thrown error instead of a postReceive.
 */
import type { DeclarativeRestApiSettings, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import { thrownHttpAnswer } from '../../shared/n8nVersions';
import { requestWithRetry } from '../../shared/retry';
import { seraHttpError } from './errors';

export async function seraRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const send = async (data: DeclarativeRestApiSettings.ResultOptions) => {
		try {
			return await this.makeRoutingRequest(data);
		} catch (error) {
			const answer = thrownHttpAnswer(error);
			throw answer ? seraHttpError(this, answer) : error;
		}
	};
	const context = Object.create(this, { makeRoutingRequest: { value: send } }) as IExecutePaginationFunctions;
	return await requestWithRetry.call(context, requestData);
}
