/**
 * Adding funds spends money and is not idempotent: ShipEngine documents no idempotency key for
 * PUT /v1/carriers/{id}/add_funds or PATCH /v1/insurance/shipsurance/add_funds. The shared
 * policy would retry a PUT after a 5xx or a dropped connection, and the first attempt may
 * already have charged the account, so these operations send once and retry only a 429 (the
 * API refused before doing anything).
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { withErrorItems } from '../../../shared/errorItem';
import { requestWithRetry } from '../../../shared/retry';
import { successOutput } from '../../shared/output';

export const sendFundsOnce = withErrorItems(async function (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await requestWithRetry.call(this, requestData, false);
});

/** What was added and the new balance. */
export function fundsAdded(describe: (ctx: IExecuteSingleFunctions, body: IDataObject) => IDataObject) {
	return successOutput((ctx, body) => ({
		...describe(ctx, body),
		amount_added: {
			currency: String(ctx.getNodeParameter('currency', '')).trim().toLowerCase(),
			amount: ctx.getNodeParameter('amount', 0),
		},
	}));
}
