import nock from 'nock';

import { API, headers, run } from './labelHelpers';

const PDF = Buffer.from('%PDF-1.4\n% combined\n%%EOF\n');

describe('Label > Combine', () => {
	it('sends the label IDs and returns one PDF as binary data', async () => {
		nock(API, headers)
			.post('/v1/documents/combined_labels', { label_ids: ['se-1', 'se-2'], label_format: 'pdf', label_download_type: 'inline' })
			.reply(200, { label_download: { href: PDF.toString('base64') } });
		const { items, error } = await run({ resource: 'label', operation: 'combine', labelIds: 'se-1, se-2' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ label_ids: ['se-1', 'se-2'], label_format: 'pdf', label_download: {} });
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'label-combined.pdf' });
		expect(Buffer.from(items[0].binary!.data.data, 'base64')).toEqual(PDF);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses more than 30 labels before sending anything', async () => {
		const ids = Array.from({ length: 31 }, (_, i) => `se-${i + 1}`).join(',');
		const { error } = await run({ resource: 'label', operation: 'combine', labelIds: ids });
		expect(error?.message).toBe('Label IDs: at most 30 labels fit in one document (got 31) (item 0)');
	});

	it('is retried on a 503 because nothing is bought', async () => {
		nock(API, headers)
			.post('/v1/documents/combined_labels')
			.reply(503, { request_id: '0b6a3c52-4d9e-4bc1-9d55-8a5a3f3b1c11', errors: [{ error_source: 'shipengine', error_type: 'system', error_code: 'unspecified', message: 'Try again' }] })
			.post('/v1/documents/combined_labels')
			.reply(200, { label_download: { href: PDF.toString('base64') } });
		const { items, error } = await run({ resource: 'label', operation: 'combine', labelIds: 'se-1' });
		expect(error).toBeUndefined();
		expect(items[0].binary?.data.fileName).toBe('label-combined.pdf');
	});
});
