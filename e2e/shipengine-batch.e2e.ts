/**
 * Shipment and Batch resources in real n8n: the "end of day" example workflow, open orders →
 * Shipment > Create (one request) → Batch > Create (one request) → Batch > Process (status read
 * first, then the labels bought, waited for) → Batch > Get Labels (one PDF) → n8n's Send Email
 * node, delivered to an SMTP stand-in on 127.0.0.1 (nothing leaves the machine).
 */
import { startShipEngineMock, type ShipEngineMockServer } from '../test/mock';
import { readBinary } from './lib/binary';
import { n8n, runExample, shipEnginePort, smtpPort } from './lib/harness';
import { nodeItems } from './lib/n8n';
import { attachments, startSmtpStandIn, type SmtpStandIn } from './lib/smtp';

describe('ShipEngine shipments and batches in real n8n', () => {
	let shipEngine: ShipEngineMockServer;
	let smtp: SmtpStandIn;

	beforeAll(async () => {
		shipEngine = await startShipEngineMock({ port: shipEnginePort(), batchLabelMs: 200, batchParallel: 2 });
		smtp = await startSmtpStandIn(smtpPort());
	});
	afterAll(async () => {
		await shipEngine.close();
		await smtp.close();
	});

	it('end of day: 5 open orders → 5 shipments → 1 batch → processed once → one PDF → emailed to the warehouse', async () => {
		const run = await runExample('shipengine-end-of-day-batch.json');

		const shipments = nodeItems(run, 'Create Shipments');
		expect(shipments.map((item) => item.json.external_shipment_id)).toEqual(['order-2001', 'order-2002', 'order-2003', 'order-2004', 'order-2005']);
		const [batch] = nodeItems(run, 'Create Batch');
		expect(batch.json).toMatchObject({ status: 'open', count: 5 });
		const [processed] = nodeItems(run, 'Buy the Labels');
		expect(processed.json).toMatchObject({ batch_id: batch.json.batch_id, status: 'completed', completed: 5, errors: 0, process_started: true });

		const [pdf] = nodeItems(run, 'One PDF');
		const meta = pdf.binary!.data;
		expect(meta).toMatchObject({ mimeType: 'application/pdf', fileName: `label-batch-${String(batch.json.batch_number)}.pdf` });
		const bytes = readBinary(n8n().userFolder, meta);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

		// One request each for the 5 shipments and the batch; the batch was processed exactly once.
		const sent = shipEngine.requests.map((r) => `${r.method} ${r.path}`);
		expect(sent.filter((r) => r === 'POST /v1/shipments')).toHaveLength(1);
		expect(sent.filter((r) => r === 'POST /v1/batches')).toHaveLength(1);
		expect(sent.filter((r) => r.endsWith('/process/labels'))).toHaveLength(1);
		expect(shipEngine.purchases).toBe(5);

		expect(smtp.messages).toHaveLength(1);
		const [mail] = smtp.messages;
		expect(mail.to).toEqual(['warehouse@example.com']);
		expect(mail.data).toContain(`Subject: Labels of batch ${String(batch.json.batch_number)}: 5 parcels`);
		const [attached] = attachments(mail);
		expect(attached).toMatchObject({ contentType: 'application/pdf', fileName: meta.fileName });
		expect(attached.content.equals(bytes)).toBe(true);
	});
});
