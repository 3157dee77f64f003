/** Every other operation: exact method, path, query, body and headers, and the items returned. */
import nock from 'nock';

import { BEARER, expectUuidV4, fixture, labelHost, run, STAGING_API, takeAmbiguousOneOfReport } from './helpers';

const api = () => nock(STAGING_API, { reqheaders: { authorization: BEARER, accept: 'application/json' } });
const keyOf = (keys: string[]) =>
	function (this: { req: { headers: Record<string, string | string[]> } }) {
		keys.push(this.req.headers['idempotency-key'] as string);
	};

describe('Rate > Get', () => {
	it('posts the shipment with filters as query/body and returns one paired item per rate', async () => {
		const keys: string[] = [];
		api()
			.post('/sera/v1/rates', {
				from_address: { postal_code: '92802', country_code: 'US' },
				to_address: { postal_code: '32830', country_code: 'US' },
				package: { packaging_type: 'large_envelope', weight: 24, weight_unit: 'ounce' },
				service_type: 'usps_priority_mail',
				ship_date: '2030-01-15',
			})
			.query({ carriers: 'usps' })
			.reply(function () {
				keyOf(keys).call(this);
				return [200, fixture('rates.json')];
			});
		const { items, error } = await run(
			{
				resource: 'rate',
				operation: 'get',
				shipFrom: { address: { postalCode: '92802' } },
				shipTo: { address: { postalCode: '32830' } },
				packagingType: 'large_envelope',
				weight: 24,
				weightUnit: 'ounce',
				filters: { carrier: 'usps', serviceType: 'usps_priority_mail' },
				additionalFields: { shipDate: '2030-01-15' },
			},
			{ input: [{ json: { order: 1 } }] },
		);
		expect(error).toBeUndefined();
		expectUuidV4(...keys);
		expect(items.map((i) => i.json)).toEqual(fixture('rates.json'));
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('needs a destination postal code', async () => {
		const { error } = await run({
			resource: 'rate',
			operation: 'get',
			shipFrom: { address: { postalCode: '92802' } },
			// The editor marks it required; an expression that comes out empty still gets this message.
			shipTo: { address: { city: 'Orlando', postalCode: '={{ $json.zip ?? "" }}' } },
			weight: 1,
		});
		expect(error?.message).toBe('Ship To > Postal Code: is required (item 0)');
	});
});

describe('Address', () => {
	it('validates several addresses in one request (an array body), one item per result', async () => {
		const keys: string[] = [];
		api()
			.post('/sera/v1/addresses/validate', [
				{ address_line1: '4800 Third Ave', city: 'Kearney', state_province: 'NE', postal_code: '68845', country_code: 'US' },
				{ address_line1: '1 Main St', postal_code: '10001', country_code: 'US' },
			])
			.reply(function () {
				keyOf(keys).call(this);
				const result = fixture<unknown[]>('validate.json')[0];
				return [200, [result, result]];
			});
		const { items, error } = await run({
			resource: 'address',
			operation: 'validate',
			addresses: {
				address: [
					{ addressLine1: '4800 Third Ave', city: 'Kearney', stateProvince: 'NE', postalCode: '68845', countryCode: 'US' },
					{ addressLine1: '1 Main St', postalCode: '10001', countryCode: 'US', residentialIndicator: '' },
				],
			},
		});
		expect(error).toBeUndefined();
		expectUuidV4(...keys);
		expect(items).toHaveLength(2);
		expect(items[0].json.validation_results).toEqual({ result_code: 'V100', result_description: 'Full Address Verified.', result_details: [] });
	});

	it('validates a JSON list from an expression, and rejects unknown fields before any request', async () => {
		api()
			.post('/sera/v1/addresses/validate', [{ address_line1: '4800 Third Ave', postal_code: '68845' }])
			.reply(200, fixture('validate.json'));
		const ok = await run(
			{ resource: 'address', operation: 'validate', inputMode: 'json', addressesJson: '={{ $json.addresses }}' },
			{ input: [{ json: { addresses: [{ address_line1: '4800 Third Ave', postal_code: '68845' }] } }] },
		);
		expect(ok.error).toBeUndefined();
		expect(ok.items).toHaveLength(1);

		const bad = await run({ resource: 'address', operation: 'validate', inputMode: 'json', addressesJson: '[{"street": "x"}]' });
		expect(bad.error?.message).toMatch(/^Addresses \(JSON\): entry 0 has unknown field\(s\) street \(allowed: .+\) \(item 0\)$/);
	});

	it('parses a free-text address', async () => {
		api().post('/sera/v1/addresses/parse', { full_address: 'Jeff Moreau 7700 W Parmer Ln Unit 250 Austin Tx 78729' }).matchHeader('idempotency-key', /.+/).reply(200, fixture('parse.json'));
		const { items } = await run({ resource: 'address', operation: 'parse', fullAddress: 'Jeff Moreau 7700 W Parmer Ln Unit 250 Austin Tx 78729' });
		expect(items.map((i) => i.json)).toEqual([fixture('parse.json')]);
	});
});

describe('Tracking > Get', () => {
	it('GETs /v1/tracking with carrier and tracking number', async () => {
		api().get('/sera/v1/tracking').query({ carrier: 'usps', tracking_number: '9405511899560772485630' }).reply(200, fixture('tracking.json'));
		const { items } = await run({ resource: 'tracking', operation: 'get', carrier: 'usps', trackingNumber: ' 9405511899560772485630 ' });
		expect(items.map((i) => i.json)).toEqual([fixture('tracking.json')]);
	});
});

describe('Manifest and container label', () => {
	it('creates a SCAN form for label IDs and outputs the PDF', async () => {
		const keys: string[] = [];
		api()
			.post('/sera/v1/manifests', { label_ids: ['l-1', 'l-2'], label_options: { label_format: 'pdf' } })
			.reply(function () {
				keyOf(keys).call(this);
				return [200, fixture('manifest.json')];
			});
		labelHost().get('/m/mf-1001.pdf').reply(200, '%PDF-1.4 manifest');
		const { items, error } = await run(
			{ resource: 'manifest', operation: 'create', labelIds: '={{ $json.ids }}', additionalFields: { labelFormat: 'pdf' } },
			{ input: [{ json: { ids: ['l-1', ' l-2 '] } }] },
		);
		expect(error).toBeUndefined();
		expectUuidV4(...keys);
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'manifest-mf-1001.pdf' });
		await takeAmbiguousOneOfReport('POST /v1/manifests');
	});

	it('creates a manifest by origin address, carrier and ship date', async () => {
		api()
			.post('/sera/v1/manifests', {
				from_address: { address_line1: '1150 Magic Way', postal_code: '92802', country_code: 'US' },
				carrier: 'usps',
				ship_date: '2030-01-15',
			})
			.reply(200, { ...fixture('manifest.json'), labels: [] });
		const { items, error } = await run({
			resource: 'manifest',
			operation: 'create',
			selectBy: 'address',
			originAddress: { address: { addressLine1: '1150 Magic Way', postalCode: '92802' } },
			carrier: 'usps',
			shipDate: '2030-01-15T10:00:00',
		});
		expect(error).toBeUndefined();
		expect(items[0].json.manifest_id).toBe('mf-1001');
	});

	it('creates container labels as files', async () => {
		api()
			.post('/sera/v1/container-labels', { label_ids: ['l-1'], number_of_container_labels: 2 })
			.matchHeader('idempotency-key', /.+/)
			.reply(200, fixture('container-label.json'));
		labelHost().get('/c/cl-77.pdf').reply(200, '%PDF-1.4 container');
		const { items } = await run({ resource: 'containerLabel', operation: 'create', labelIds: 'l-1', additionalFields: { numberOfContainerLabels: 2 } });
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'container-label-cl-77.pdf' });
		await takeAmbiguousOneOfReport('POST /v1/container-labels');
	});

	it('rejects an empty Label IDs before any request', async () => {
		const { error } = await run({ resource: 'manifest', operation: 'create', labelIds: ' , ' });
		expect(error?.message).toBe('Label IDs: give at least one label_id (comma-separated, or an expression that returns a list) (item 0)');
	});
});

describe('Pickup', () => {
	it('schedules a pickup for labels in a window', async () => {
		api()
			.post('/sera/v1/pickups', {
				label_ids: ['l-1'],
				pickup_window: { start_at: '2030-01-16T09:00:00', end_at: '2030-01-16T17:00:00' },
				pickup_instructions: 'Knock on door',
			})
			.matchHeader('idempotency-key', /.+/)
			.reply(200, fixture('pickup.json'));
		const { items } = await run({
			resource: 'pickup',
			operation: 'schedule',
			labelIds: 'l-1',
			pickupWindowStart: '2030-01-16T09:00:00',
			pickupWindowEnd: '2030-01-16T17:00:00',
			additionalFields: { pickupInstructions: 'Knock on door' },
		});
		expect(items.map((i) => i.json)).toEqual([fixture('pickup.json')]);
		await takeAmbiguousOneOfReport('POST /v1/pickups');
	});

	it('cancels a pickup', async () => {
		api().delete('/sera/v1/pickups/pk-42').reply(204);
		const { items } = await run({ resource: 'pickup', operation: 'cancel', pickupId: 'pk-42' });
		expect(items.map((i) => i.json)).toEqual([{ pickup_id: 'pk-42', cancelled: true, status_code: 204 }]);
	});
});

describe('Balance', () => {
	it('adds funds (amount and currency) and rejects a zero amount', async () => {
		api().post('/sera/v1/balance/add-funds', { amount: 100, currency: 'usd' }).matchHeader('idempotency-key', /.+/).reply(200, fixture('balance.json'));
		const { items } = await run({ resource: 'balance', operation: 'addFunds', amount: 100, additionalFields: { currency: 'usd' } });
		expect(items.map((i) => i.json)).toEqual([fixture('balance.json')]);
		const { error } = await run({ resource: 'balance', operation: 'addFunds', amount: 0 });
		expect(error?.message).toBe('Amount: must be above zero (got 0) (item 0)');
	});
});

describe('Account', () => {
	it('gets account info (the account object)', async () => {
		api().get('/sera/v1/account').reply(200, fixture('account.json'));
		const { items } = await run({ resource: 'account', operation: 'get' });
		expect(items.map((i) => i.json)).toEqual([fixture<{ account: unknown }>('account.json').account]);
	});

	it('gets a hosted URL', async () => {
		api().get('/sera/v1/url').query({ url_type: 'store_payment_methods', application_context: 'ctx' }).reply(200, fixture('hosted-url.json'));
		const { items } = await run({ resource: 'account', operation: 'getHostedUrl', urlType: 'store_payment_methods', additionalFields: { applicationContext: 'ctx' } });
		expect(items.map((i) => i.json)).toEqual([fixture('hosted-url.json')]);
	});

	it('gets and sets security questions', async () => {
		api().get('/sera/v1/security_questions').reply(200, fixture('security-questions.json'));
		const list = await run({ resource: 'account', operation: 'getSecurityQuestions' });
		expect(list.items).toHaveLength(2);

		api()
			.put('/sera/v1/account/security_questions', {
				security_question1_type: 'first_pet',
				security_question1_value: 'Rex',
				security_question2_type: 'birth_city',
				security_question2_value: 'Kearney',
			})
			.reply(204);
		const set = await run({ resource: 'account', operation: 'setSecurityQuestions', question1: 'first_pet', answer1: 'Rex', question2: 'birth_city', answer2: 'Kearney' });
		expect(set.items.map((i) => i.json)).toEqual([{ success: true, status_code: 204 }]);

		const bad = await run({ resource: 'account', operation: 'setSecurityQuestions', question1: 'a', answer1: 'x', question2: 'b', answer2: 'Kearney' });
		expect(bad.error?.message).toMatch(/^Answer 1: must have 2 to 33 characters \(has 1\) \(item \d+\)$/);
		const same = await run({ resource: 'account', operation: 'setSecurityQuestions', question1: 'first_pet', answer1: 'Rex', question2: 'first_pet', answer2: 'Kearney' });
		expect(same.error?.message).toMatch(/^Question 2 Name or ID: must be a different question from Question 1 \(item \d+\)$/);
	});
});

describe('Carrier', () => {
	it('gets carrier services, one item per carrier', async () => {
		api().get('/sera/v1/carrier-services').query({ ship_date: '2030-01-15' }).reply(200, fixture('carrier-services.json'));
		const { items } = await run({ resource: 'carrier', operation: 'getServices', filters: { shipDate: '2030-01-15' } });
		expect(items.map((i) => i.json.carrier)).toEqual(['usps', 'ups']);
	});

	it('connects a carrier account with its required fields and checks them first', async () => {
		api()
			.post('/sera/v1/carriers/ontrac', { user_owned_account: true, account_number: '12345', password: 'pw' })
			.matchHeader('idempotency-key', /.+/)
			.reply(200, '');
		const { items } = await run({ resource: 'carrier', operation: 'connect', carrier: 'ontrac', accountDetails: { accountNumber: '12345', password: 'pw' } });
		expect(items.map((i) => i.json)).toEqual([{ carrier: 'ontrac', connected: true, status_code: 200 }]);
		await takeAmbiguousOneOfReport('POST /v1/carriers/{carrier}');

		const { error } = await run({ resource: 'carrier', operation: 'connect', carrier: 'ontrac', accountDetails: { accountNumber: '12345' } });
		expect(error?.message).toBe('Account Details > Password: is required to connect ontrac (item 0)');
	});

	it('disconnects a carrier account', async () => {
		api().delete('/sera/v1/carriers/ups').reply(200, '');
		const { items } = await run({ resource: 'carrier', operation: 'disconnect', carrier: 'ups' });
		expect(items.map((i) => i.json)).toEqual([{ carrier: 'ups', connected: false, status_code: 200 }]);
	});
});
