/**
 * ShipEngine workflows in real n8n against the local ShipEngine mock: the workflow's output
 * (json, pairing, the label as a real binary file) and exactly what the mock received.
 */
import { startShipEngineMock, type ShipEngineMockServer } from '../test/mock';
import { readBinary } from './lib/binary';
import { SHIPENGINE_TEST_KEY } from './lib/credentials';
import { runExample, shipEnginePort } from './lib/harness';
import { nodeItems } from './lib/n8n';

const userFolder = () => String(process.env.E2E_USER_FOLDER);

describe('ShipEngine in real n8n', () => {
	let shipEngine: ShipEngineMockServer;

	beforeAll(async () => {
		shipEngine = await startShipEngineMock({ port: shipEnginePort() });
	});
	beforeEach(() => shipEngine.reset());
	afterAll(async () => await shipEngine.close());

	it('shops rates and buys the cheapest label, returned as a PDF file', async () => {
		const run = await runExample('shipengine-rate-shop-and-buy-label.json');

		const rates = nodeItems(run, 'Cheapest Rate');
		expect(rates).toHaveLength(1);
		const rate = rates[0].json;
		expect(rate).toMatchObject({ rate_id: expect.stringMatching(/^se-/), service_code: 'usps_ground_advantage' });

		const labels = nodeItems(run, 'Buy Label');
		expect(labels).toHaveLength(1);
		const [label] = labels;
		expect(label.json).toMatchObject({
			label_id: expect.stringMatching(/^se-/),
			status: 'completed',
			tracking_number: expect.any(String),
			rate_id: rate.rate_id,
		});
		const file = label.binary?.label;
		expect(file).toMatchObject({ mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(file?.fileName).toBe(`label-${String(label.json.tracking_number)}.pdf`);
		const bytes = readBinary(userFolder(), file!);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.toString('latin1')).toContain(String(label.json.tracking_number));

		// Rate, then one purchase: a first attempt for this rate needs no lookup (nothing can have bought it).
		const calls = shipEngine.requests.map((request) => `${request.method} ${request.path}`);
		expect(calls).toEqual(['POST /v1/rates', `POST /v1/labels/rates/${String(rate.rate_id)}`]);
		const [rateRequest, labelRequest] = shipEngine.requests;
		expect(labelRequest.headers['api-key']).toBe(SHIPENGINE_TEST_KEY);
		expect(rateRequest.headers['api-key']).toBe(SHIPENGINE_TEST_KEY);
		expect(rateRequest.body).toMatchObject({
			rate_options: { carrier_ids: ['se-100001', 'se-100002', 'se-100003'] },
			shipment: {
				ship_to: { name: 'Amanda Miller', address_line1: '525 S Winchester Blvd', postal_code: '95128', country_code: 'US' },
				ship_from: { company_name: 'Mock Coffee Roasters', city_locality: 'Austin', state_province: 'TX' },
				packages: [{ weight: { value: 20, unit: 'ounce' } }],
			},
		});
		expect(labelRequest.body).toEqual({ label_format: 'pdf', label_layout: '4x6', label_download_type: 'inline' });
		expect(shipEngine.purchases).toBe(1);
	});

	it('buys an international label from an order\'s line items: customs items from data, label and customs form as PDF files', async () => {
		const run = await runExample('shipengine-international-label-from-order.json');

		const labels = nodeItems(run, 'International Label');
		expect(labels).toHaveLength(1);
		const [label] = labels;
		expect(label.json).toMatchObject({ status: 'completed', is_international: true, external_shipment_id: 'order-1042' });
		const file = label.binary?.label;
		expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: `label-${String(label.json.tracking_number)}.pdf` });
		expect(readBinary(userFolder(), file!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const form = label.binary?.label_form;
		expect(form).toMatchObject({ mimeType: 'application/pdf', fileName: `customs-form-${String(label.json.tracking_number)}.pdf` });
		const formText = readBinary(userFolder(), form!).toString('latin1');
		expect(formText).toContain('Commercial invoice');
		expect(formText).toContain('2 x Cotton T-shirt 15 eur');

		const calls = shipEngine.requests.map((request) => `${request.method} ${request.path}`);
		expect(calls).toEqual([
			'GET /v1/labels/external_shipment_id/order-1042',
			'POST /v1/labels',
			`GET /downloads/forms/${String(label.json.label_id)}.pdf`,
		]);
		expect(shipEngine.requests[1].body).toMatchObject({
			shipment: {
				service_code: 'usps_priority_mail_international',
				ship_to: { name: 'Max Mustermann', city_locality: 'Berlin', country_code: 'DE' },
				packages: [{ weight: { value: 940, unit: 'gram' } }],
				customs: {
					contents: 'merchandise',
					non_delivery: 'return_to_sender',
					invoice_additional_details: { invoice_number: '1042' },
					customs_items: [
						{ description: 'Cotton T-shirt', quantity: 2, value: 15, value_currency: 'eur', weight: { value: 170, unit: 'gram' }, country_of_origin: 'US', sku: 'TS-RED-M' },
						{ description: 'Ceramic mug', quantity: 1, value: 12.5, value_currency: 'eur', weight: { value: 350, unit: 'gram' }, country_of_origin: 'US', sku: 'MUG-01' },
					],
				},
				tax_identifiers: [{ taxable_entity_type: 'shipper', identifier_type: 'ioss', issuing_authority: 'DE', value: 'IM2760000742' }],
			},
		});
		expect(shipEngine.purchases).toBe(1);
	});

	it('validates a batch of order addresses in one request, each result paired with its order', async () => {
		const run = await runExample('shipengine-validate-addresses-batch.json');

		const items = nodeItems(run, 'Validate Addresses');
		expect(items.map((item) => item.json.status)).toEqual(['verified', 'verified', 'error', 'verified']);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(items[0].json.matched_address).toMatchObject({ address_line1: '525 S WINCHESTER BLVD', postal_code: '95128-0001' });
		expect(items[2].json.messages).toEqual([expect.objectContaining({ code: 'a1004', type: 'error' })]);

		expect(shipEngine.requests).toHaveLength(1);
		const [request] = shipEngine.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/v1/addresses/validate' });
		expect(request.headers['api-key']).toBe(SHIPENGINE_TEST_KEY);
		expect(request.body).toEqual([
			{ name: 'Amanda Miller', address_line1: '525 S Winchester Blvd', city_locality: 'San Jose', state_province: 'CA', postal_code: '95128', country_code: 'US' },
			{ name: 'Minerva M', address_line1: '351 S Studio Dr', city_locality: 'Lake Buena Vista', state_province: 'FL', postal_code: '32830', country_code: 'US' },
			{ name: 'Nobody Home', address_line1: '1 Nowhere Lane', city_locality: 'Springfield', state_province: 'IL', postal_code: '62701', country_code: 'US' },
			{ name: 'Jo Fernandez', address_line1: '4009 Marathon Blvd', city_locality: 'Austin', state_province: 'TX', postal_code: '78756', country_code: 'US' },
		]);
	});
});
