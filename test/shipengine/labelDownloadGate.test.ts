/**
 * A label answer that carries a link instead of the file (label_download.href is a URL): the
 * file is fetched through the shared retry policy and rate-limit gate. The link is on the API's
 * own host, so it shares the API's gate for this credential: a 429 there holds the other items'
 * downloads until its Retry-After. Real engine, nock.
 */
import nock from 'nock';

import { rateLimitStats, resetRateLimits } from '../../nodes/shared/retry';
import { API, errorBody, fixture, headers, run } from './labelHelpers';

const PDF = Buffer.from('%PDF-1.4\n% label\n');
const PDF_TYPE = { 'Content-Type': 'application/pdf' };
const labelInline = fixture('label-inline.json');
const link = (id: string) => `${API}/v1/downloads/10/${id}/label.pdf`;
const labelWithLink = (id: string) => ({ ...labelInline, label_id: id, tracking_number: `9400${id.slice(3)}`, label_download: { href: link(id), pdf: link(id) } });
const GET = { resource: 'label', operation: 'get', labelId: '={{ $json.id }}', downloadLabel: true };

const answered = (times: number[], status: number, body: unknown, extra: Record<string, string> = {}) => () => {
	times.push(Date.now());
	return [status, body, extra] as [number, unknown, Record<string, string>];
};

/** A 200 held back until the rate-limit gate has seen a 429 (nock callback style). */
const afterGateClosed = (body: nock.Body) => (_uri: string, _body: nock.Body, done: (error: null, reply: nock.ReplyFnResult) => void) => {
	const poll = () => (Object.values(rateLimitStats()).some((stats) => stats.rejected > 0) ? done(null, [200, body]) : setTimeout(poll, 5));
	poll();
};

beforeEach(() => resetRateLimits());

describe('ShipEngine label file links and the rate-limit gate', () => {
	it('waits out a 429 with Retry-After on the file, and the other item\'s download waits behind the same gate', async () => {
		const first: number[] = [];
		const second: number[] = [];
		nock(API, headers).get('/v1/labels/se-1001').query({ label_download_type: 'inline' }).reply(200, labelWithLink('se-1001'));
		// The second label arrives after the first file was refused: its download meets a closed gate.
		nock(API, headers).get('/v1/labels/se-1002').query({ label_download_type: 'inline' }).reply(afterGateClosed(labelWithLink('se-1002')));
		nock(API, headers).get('/v1/downloads/10/se-1001/label.pdf').reply(answered(first, 429, { message: 'slow down' }, { 'Retry-After': '1' }));
		nock(API, headers).get('/v1/downloads/10/se-1001/label.pdf').reply(answered(first, 200, PDF, PDF_TYPE));
		nock(API, headers).get('/v1/downloads/10/se-1002/label.pdf').reply(answered(second, 200, PDF, PDF_TYPE));

		const { items, error } = await run(GET, { input: [{ json: { id: 'se-1001' } }, { json: { id: 'se-1002' } }] });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.label_id, item.binary?.data?.fileName, item.pairedItem])).toEqual([
			['se-1001', 'label-94001001.pdf', { item: 0 }],
			['se-1002', 'label-94001002.pdf', { item: 1 }],
		]);
		expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(PDF);
		expect(items[0].json.label_download).toEqual({ href: link('se-1001'), pdf: link('se-1001') });
		expect(first[1] - first[0]).toBeGreaterThanOrEqual(950);
		expect(second[0] - first[0]).toBeGreaterThanOrEqual(950);
		const gates = Object.entries(rateLimitStats()).filter(([key]) => key.startsWith(`${API}#`));
		expect(gates.map(([, stats]) => stats.rejected)).toEqual([1]);
	});

	it('a file that stays unavailable fails the item after 4 attempts without repeating the label request', async () => {
		nock(API, headers).get('/v1/labels/se-1001').query({ label_download_type: 'inline' }).reply(200, labelWithLink('se-1001'));
		nock(API, headers).get('/v1/downloads/10/se-1001/label.pdf').times(4).reply(503, { message: 'unavailable' });
		const { error } = await run(GET, { input: [{ json: { id: 'se-1001' } }] });
		expect(error?.message).toBe('The label was created, but downloading its file failed (HTTP 503)');
		expect(error?.description).toContain(`Download URL: ${link('se-1001')} (tried 4 times).`);
	});

	it('a missing file fails at once with its status', async () => {
		nock(API, headers).get('/v1/labels/se-1001').query({ label_download_type: 'inline' }).reply(200, labelWithLink('se-1001'));
		nock(API, headers).get('/v1/downloads/10/se-1001/label.pdf').reply(404, errorBody('invalid_identifier', 'Download not found'));
		const { error } = await run(GET, { input: [{ json: { id: 'se-1001' } }] });
		expect(error?.message).toBe('The label was created, but downloading its file failed (HTTP 404)');
		expect(error?.httpCode).toBe('404');
	});
});
