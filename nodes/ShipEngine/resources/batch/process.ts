/**
 * Batch > Process: buys every label of a batch (POST /v1/batches/{id}/process/labels). ShipEngine
 * has no idempotency key, and processing a batch twice could buy every label twice, so:
 *
 * - the batch's status is read first (GET, retried like any read): only an `open` batch is
 *   processed; a batch already `queued`, `processing`, `completed`, `completed_with_errors` or
 *   `notifying` is not processed again: it is returned with `process_skipped: true` and the
 *   reason (as it is, or once finished with "Wait Until Processed");
 * - the process request itself is purchase-like: never sent again after a 5xx, a timeout or a
 *   dropped connection (only a 429, which the API refused before doing anything); the error
 *   says it may have started;
 * - so n8n's Retry On Fail, a manual re-run or a second execution is safe: the re-run reads the
 *   status again, and a batch whose processing did start is no longer `open`.
 *
 * With "Wait Until Processed" (default) the node then polls the batch until it is finished, so
 * the next node (Get Labels) finds the label file.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { markPurchaseState, withErrorItems } from '../../../shared/errorItem';
import { describeFailure, purchaseStateOf, requestWithRetry, watchAnswer } from '../../../shared/retry';
import { asText } from '../../../shared/validation';
import { labelRenderingOptions } from '../../shared/descriptions';

/** Statuses of a batch whose processing has started or finished: never processed again. */
export const ALREADY_PROCESSED = ['queued', 'processing', 'completed', 'completed_with_errors', 'notifying'];
/** Statuses in which processing is over (the label file exists, or the errors are known). */
export const FINISHED = ['completed', 'completed_with_errors', 'archived', 'invalid'];

const show = { resource: ['batch'], operation: ['process'] };

const rendering = labelRenderingOptions(show);

const waitOptions: INodeProperties[] = [
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		default: 15,
		typeOptions: { minValue: 1 },
		description: 'With Wait Until Processed: give up waiting after this long (the batch keeps processing; run Get to see it)',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollSeconds',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		description: 'With Wait Until Processed: how often the batch is read (each read counts against the API rate limit)',
	},
	{
		displayName: 'Ship Date',
		name: 'shipDate',
		type: 'dateTime',
		default: '',
		description: 'Ship date of every label in the batch (default: today)',
	},
	{
		displayName: 'Wait Until Processed',
		name: 'waitUntilProcessed',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until ShipEngine has bought every label (status completed or completed_with_errors) and output the finished batch',
	},
];

const renderingOptions = (rendering.options ?? []) as INodeProperties[];
const option = (name: string) => renderingOptions.find((candidate) => candidate.name === name)!;

/** Label Format and Layout are always sent (the process body is required); the rest are options. */
export const batchProcessDescription: INodeProperties[] = [
	{ ...option('labelFormat'), required: true, displayOptions: { show } },
	{ ...option('labelLayout'), required: true, displayOptions: { show } },
	{
		...rendering,
		options: [option('displayScheme'), ...waitOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

type Request = DeclarativeRestApiSettings.ResultOptions;

function batchUrl(batchId: string): string {
	return `/v1/batches/${encodeURIComponent(batchId)}`;
}

/** GET the batch (a read: retried on 5xx and dropped connections, through the rate-limit gate). */
export async function readBatch(ctx: IExecutePaginationFunctions, requestData: Request, batchId: string): Promise<IDataObject> {
	const options = { ...requestData.options };
	delete options.body;
	const [item] = await requestWithRetry.call(
		ctx,
		{
			...requestData,
			options: { ...options, method: 'GET', url: batchUrl(batchId) },
		},
		true,
	);
	return (item?.json ?? {}) as IDataObject;
}

function notRepeatedError(ctx: IExecutePaginationFunctions, error: unknown, batchId: string): Error {
	const failure = describeFailure(error);
	const answered = failure.status !== undefined && failure.status < 500 && failure.status !== 408;
	if (answered || !(error instanceof Error)) return error as Error;
	const note =
		`Processing batch ${batchId} may or may not have started, so the request was not repeated automatically. ` +
		'Running the node again (e.g. Retry On Fail) first reads the batch status and processes it only while it is still open: labels are never bought twice.';
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.description = [error.description, note].filter(Boolean).join(' ');
		return error;
	}
	return new NodeApiError(ctx.getNode(), { message: error.message } as JsonObject, { message: error.message, description: note });
}

async function waitUntilFinished(
	ctx: IExecutePaginationFunctions,
	requestData: Request,
	batchId: string,
	options: IDataObject,
): Promise<IDataObject> {
	const pollMs = Math.max(100, Number(options.pollSeconds ?? 5) * 1000);
	const deadline = Date.now() + Math.max(1, Number(options.maxWaitMinutes ?? 15)) * 60_000;
	for (;;) {
		const batch = await readBatch(ctx, requestData, batchId);
		if (FINISHED.includes(String(batch.status))) return batch;
		if (Date.now() + pollMs > deadline) {
			return {
				...batch,
				wait_timed_out: true,
				process_note: `Still ${String(batch.status)} after the maximum wait; the labels are being bought. Run Batch > Get later.`,
			};
		}
		await sleep(pollMs);
	}
}

/**
 * `routing.operations.pagination` of Batch > Process. With Continue On Fail, a failure is an error
 * item whose `purchaseState` says what happened to the labels (../../../shared/errorItem.ts):
 * `not_sent` until the process request leaves, then `not_bought` when the API refused it,
 * `unknown` when it may have started (5xx, no answer) or did start.
 */
export const processBatch = withErrorItems(async function (this: IExecutePaginationFunctions, requestData: Request): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const batchId = asText(this.getNodeParameter('batchId', ''));
	const options = (this.getNodeParameter('options', {}) as IDataObject) ?? {};
	const paired = (json: IDataObject): INodeExecutionData[] => [{ json, pairedItem: { item: itemIndex } }];

	const batch = await readBatch(this, requestData, batchId).catch((error: unknown) => {
		throw markPurchaseState(error, 'not_sent');
	});
	const status = String(batch.status ?? '');
	try {
		if (ALREADY_PROCESSED.includes(status)) {
			// Not processed again; with Wait Until Processed, a batch still on its way is waited for.
			const wait = options.waitUntilProcessed !== false && !FINISHED.includes(status);
			return paired({
				...(wait ? await waitUntilFinished(this, requestData, batchId, options) : batch),
				process_skipped: true,
				process_note: `Batch ${batchId} was already ${status}: it was not processed again (no label bought twice).`,
			});
		}
	} catch (error) {
		// Processing had started before this run: its labels may be bought.
		throw markPurchaseState(error, 'unknown');
	}
	if (status !== 'open') {
		const error = new NodeOperationError(this.getNode(), `Batch ${batchId} cannot be processed: its status is ${status || 'unknown'}`, {
			itemIndex,
			description: 'Only an open batch can be processed. Create a new batch (Batch > Create) with the shipments that still need labels.',
		});
		throw markPurchaseState(error, 'not_sent');
	}
	const processRequest = { ...requestData };
	const watch = watchAnswer(processRequest);
	try {
		await requestWithRetry.call(this, processRequest, false);
	} catch (error) {
		throw markPurchaseState(notRepeatedError(this, error, batchId), purchaseStateOf(error, watch.answered));
	}
	try {
		const after =
			options.waitUntilProcessed === false
				? await readBatch(this, requestData, batchId)
				: await waitUntilFinished(this, requestData, batchId, options);
		return paired({ ...after, process_started: true });
	} catch (error) {
		throw markPurchaseState(error, 'unknown');
	}
});
