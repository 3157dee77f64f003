/**
 * Continue On Fail items a workflow can branch on (an IF node on `{{ $json.errorCode }}`).
 *
 * n8n builds a declarative node's Continue On Fail item itself: RoutingNode pushes
 * `{ json: {}, error }` for a failed item, and WorkflowExecute then overwrites the json with
 * `{ error: error.message }` (normalizeNodeErrors, the same in n8n 1.x and 2.x). Nothing the
 * error carries reaches the item. So the node's own request code (the `routing.operations.pagination`
 * functions every operation runs through) catches the failure itself when Continue On Fail is on
 * and returns the error item as its output:
 *
 * - "Continue" (regular output): `{ error, errorCode, httpCode, requestId, purchaseState?, errorDescription }`;
 * - "Continue (using error output)": n8n sends an item to the error output only when it has an
 *   `error` property or its json keys are all among `error`, `message`, `details`
 *   (handleNodeErrorOutput), so the same fields go under `details`.
 *
 * Failures before that code runs (bad input refused by a preSend check, before any request) are
 * built by n8n and carry `error` only.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/** What happened to a purchase that failed: never sent, refused by the API, or not known. */
export type PurchaseState = 'not_sent' | 'not_bought' | 'unknown';

interface FailureFacts {
	message?: string;
	description?: string | null;
	httpCode?: string | null;
	context?: IDataObject;
}

/** Records on an error what happened to the purchase it ended (read by errorItemJson). */
export function markPurchaseState<T>(error: T, state: PurchaseState): T {
	if (error && typeof error === 'object') {
		const e = error as FailureFacts;
		e.context = { ...(e.context ?? {}), purchaseState: (e.context?.purchaseState as PurchaseState | undefined) ?? state };
	}
	return error;
}

function httpCodeOf(error: FailureFacts): number | null {
	const code = Number(error.httpCode ?? error.context?.httpCode);
	return Number.isInteger(code) && code >= 100 ? code : null;
}

/** The fields an error item carries, from the NodeApiError / NodeOperationError the node threw. */
export function errorFields(error: unknown): IDataObject {
	const e = (error ?? {}) as FailureFacts;
	const context = e.context ?? {};
	const fields: IDataObject = {
		errorCode: (context.apiErrorCode as string | null | undefined) ?? null,
		httpCode: httpCodeOf(e),
		requestId: (context.requestId as string | null | undefined) ?? null,
	};
	if (context.purchaseState) fields.purchaseState = context.purchaseState;
	fields.errorDescription = e.description ?? null;
	return fields;
}

/**
 * With Continue On Fail on, the failed item as the node's output (see above); otherwise the
 * error is thrown on, for n8n to stop the node (or retry it).
 */
export function errorItemOrThrow(ctx: IExecuteSingleFunctions, error: unknown): INodeExecutionData[] {
	if (!ctx.continueOnFail()) throw error;
	return [errorItemFor(ctx, error, ctx.getItemIndex())];
}

/**
 * The error item of input item `itemIndex` (Continue On Fail on): for requests sent for many
 * items at once (./allItems.ts), where one failure becomes an error item for each item it hit.
 */
export function errorItemFor(ctx: IExecuteSingleFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const message = String((error as FailureFacts | undefined)?.message ?? error);
	const fields = errorFields(error);
	const json = ctx.getNode().onError === 'continueErrorOutput' ? { error: message, details: fields } : { error: message, ...fields };
	return { json, pairedItem: { item: itemIndex } };
}

/** Wraps a `routing.operations.pagination` function so a failed item becomes an error item (above). */
export function withErrorItems<A extends unknown[], C extends IExecuteSingleFunctions>(
	fn: (this: C, ...args: A) => Promise<INodeExecutionData[]>,
): (this: C, ...args: A) => Promise<INodeExecutionData[]> {
	return async function (this: C, ...args: A): Promise<INodeExecutionData[]> {
		try {
			return await fn.apply(this, args);
		} catch (error) {
			return errorItemOrThrow(this, error);
		}
	};
}
