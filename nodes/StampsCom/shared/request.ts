/**
 * How every Stamps.com operation sends its request (`requestOperations.pagination`): the shared
 * retry policy, with each attempt's HTTP error read back as SERA's error. HTTP errors throw
 * (so n8n 1.x and 2.x both refresh the OAuth2 token on a 401: nodes/shared/n8nVersions.ts), so
 * SERA's message, code and reference id come from the thrown error instead of a postReceive.
 */
import type { DeclarativeRestApiSettings, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import { thrownHttpAnswer } from '../../shared/n8nVersions';
import { markPurchaseState, withErrorItems } from '../../shared/errorItem';
import { purchaseStateOf, requestWithRetry, watchAnswer } from '../../shared/retry';
import { seraHttpError } from './errors';
import { checkReplayedLabel } from './sameLabel';

/** One SERA request with the retry policy, SERA's error thrown as a NodeApiError (no error item: for requests sent for many items). */
export async function sendToSera(
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

/** Every operation's request; a failure is an error item under Continue On Fail (../../shared/errorItem.ts). */
export const seraRequest = withErrorItems(sendToSera);

/**
 * Label > Create: the same, and a failure says what happened to the purchase (`purchaseState`);
 * a user-set Idempotency Key is checked against the label SERA answers with (./sameLabel.ts).
 */
export const seraPurchase = withErrorItems(async function (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const watch = watchAnswer(requestData);
	const replay = checkReplayedLabel(this, requestData);
	try {
		return await sendToSera.call(this, requestData);
	} catch (error) {
		replay.failed();
		throw markPurchaseState(error, purchaseStateOf(error, watch.answered));
	}
});
