/**
 * Label files fetched by URL go through the shared retry policy and rate-limit gate
 * (nodes/shared/retry.ts): a 429 with Retry-After is waited out, and it holds every download to
 * that host for the same credential until then, not only the refused one. Real engine, nock.
 */
import nock from 'nock';

import { rateLimitStats, resetRateLimits } from '../../nodes/shared/retry';
import { LABEL_HOST, labelHost, run, STAGING_API, takeDownloadReports } from './helpers';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const A = '13bab305-a5eb-4ad6-a1d2-e5b545e764fb';
const B = '24cbc416-b6fc-4be7-b2e3-f6c656f875ac';
const reprint = (id: string) => ({ labels: [{ href: `${LABEL_HOST}/l/${id}.png` }], forms: null });
const REPRINT = { resource: 'label', operation: 'reprint', labelId: '={{ $json.id }}' };

/** Answers a download and records when it came. */
const answered = (times: number[], status: number, body: unknown, headers: Record<string, string> = {}) => () => {
	times.push(Date.now());
	return [status, body, headers] as [number, unknown, Record<string, string>];
};

/** A 200 held back until the rate-limit gate has seen a 429 (nock callback style). */
const afterGateClosed = (body: nock.Body) => (_uri: string, _body: nock.Body, done: (error: null, reply: nock.ReplyFnResult) => void) => {
	const poll = () => (Object.values(rateLimitStats()).some((stats) => stats.rejected > 0) ? done(null, [200, body]) : setTimeout(poll, 5));
	poll();
};

beforeEach(() => resetRateLimits());

describe('Stamps.com label downloads and the rate-limit gate', () => {
	it('waits out a 429 with Retry-After, and the other item\'s download waits behind the same gate', async () => {
		const a: number[] = [];
		const b: number[] = [];
		nock(STAGING_API).get(`/sera/v1/labels/${A}`).reply(200, reprint(A));
		// B's label answer comes after A's download was refused: B's download meets a closed gate.
		nock(STAGING_API).get(`/sera/v1/labels/${B}`).reply(afterGateClosed(reprint(B)));
		labelHost().get(`/l/${A}.png`).reply(answered(a, 429, 'Too Many Requests', { 'Retry-After': '1' }));
		labelHost().get(`/l/${A}.png`).reply(answered(a, 200, PNG));
		labelHost().get(`/l/${B}.png`).reply(answered(b, 200, PNG));

		const { items, error } = await run(REPRINT, { input: [{ json: { id: A } }, { json: { id: B } }] });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.binary?.data?.fileName, item.pairedItem])).toEqual([
			[`label-${A}.png`, { item: 0 }],
			[`label-${B}.png`, { item: 1 }],
		]);
		expect(Buffer.from(items[1].binary!.data.data, 'base64')).toEqual(PNG);
		expect(a[1] - a[0]).toBeGreaterThanOrEqual(950);
		expect(b[0] - a[0]).toBeGreaterThanOrEqual(950);
		const gates = Object.entries(rateLimitStats()).filter(([key]) => key.startsWith(`${LABEL_HOST}#`));
		expect(gates.map(([, stats]) => stats.rejected)).toEqual([1]);
		await takeDownloadReports();
	});

	it('still gives up after 4 attempts on a host that only answers 503, with the download message', async () => {
		nock(STAGING_API).get(`/sera/v1/labels/${A}`).reply(200, reprint(A));
		labelHost().get(`/l/${A}.png`).times(4).reply(503, 'down');
		const { error } = await run(REPRINT, { input: [{ json: { id: A } }] });
		expect(error?.message).toBe('The file could not be downloaded from SERA (HTTP 503)');
		expect(error?.description).toBe(`Tried 4 time(s): ${LABEL_HOST}/l/${A}.png`);
		await takeDownloadReports();
	});
});
