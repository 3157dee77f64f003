/**
 * The customs form (commercial invoice) of an international label as a second file: ShipEngine
 * links it in `form_download.href` (always a PDF); with "Download Label" on, it is fetched like the
 * label and stored in `<field>_form` (nodes/shared/extraFiles.ts, the same place the Stamps.com
 * node puts SERA's forms). No form linked, nothing fetched.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { decodeBase64Label } from '../../shared/binary';
import { extraFileName, fileProperty, storeFile } from '../../shared/extraFiles';
import { fetchLabelFile, LABEL_DOWNLOAD_FAILURE, type DownloadFailureText } from './labelOutput';

const CUSTOMS_FORM_FAILURE: DownloadFailureText = {
	...LABEL_DOWNLOAD_FAILURE,
	message: (detail) => `The label was created, but downloading its customs form failed (${detail})`,
};

export async function attachCustomsForm(ctx: IExecuteSingleFunctions, item: INodeExecutionData): Promise<void> {
	const form = item.json.form_download as IDataObject | null | undefined;
	const href = typeof form?.href === 'string' ? form.href : '';
	if (!href) return;
	const isLink = /^https?:\/\//i.test(href);
	if (!isLink) {
		// Inline data (large base64) leaves the JSON before the file is stored; links stay.
		const rest = { ...(form as IDataObject) };
		delete rest.href;
		item.json.form_download = rest;
	}
	const bytes = isLink ? await fetchLabelFile(ctx, href, CUSTOMS_FORM_FAILURE) : decodeBase64Label(href);
	const property = ctx.getNodeParameter('binaryPropertyName', 'data') as string;
	const id = String(item.json.tracking_number || item.json.label_id || 'label');
	item.binary = {
		...(item.binary ?? {}),
		[fileProperty(property, 'form')]: await storeFile(ctx, bytes, 'pdf', extraFileName('customs-form', id, 0, 'pdf')),
	};
}
