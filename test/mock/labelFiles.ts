/**
 * Tiny but valid label files (PDF 1.4, PNG, ZPL) so a test or the demo can check that what a
 * node stored is a real file of the right type, not an arbitrary blob; and realistic-size PDF
 * labels (realisticPdf) for the memory and bulk benchmarks.
 */
import { deflateSync } from 'node:zlib';

export type LabelFormat = 'pdf' | 'png' | 'zpl';

export const LABEL_CONTENT_TYPES: Record<LabelFormat, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	zpl: 'application/zpl',
};

/** A one-page 4x6 PDF with correct xref offsets that prints the carrier, service and tracking number. */
export function tinyPdf(lines: string[]): Buffer {
	return pdfWithImage(lines);
}

/**
 * A 4x6 label PDF of about `bytes` bytes, the size of a real carrier label (ShipEngine's 4x6 PDF
 * labels are roughly 30–100 KB): the text of tinyPdf plus a Flate-compressed 1-bit raster (the
 * carrier's barcodes and logo in a real label), so the file compresses about as little as a real
 * PDF does. The raster is generated once per size, deterministically (same bytes every run).
 */
export function realisticPdf(lines: string[], bytes: number): Buffer {
	return pdfWithImage(lines, labelRaster(bytes));
}

interface Raster {
	width: number;
	height: number;
	/** Flate-compressed rows, 1 bit per pixel. */
	data: Buffer;
}

const rasters = new Map<number, Raster>();

/** 1-bit rows: runs of barcode bars (compress well) between rows of noise (do not compress). */
function labelRaster(bytes: number): Raster {
	const cached = rasters.get(bytes);
	if (cached) return cached;
	const width = 800; // 4 inches at 200 dpi
	const rowBytes = width / 8;
	let seed = 0x2545f491;
	const random = () => {
		seed ^= seed << 13;
		seed ^= seed >>> 17;
		seed ^= seed << 5;
		return seed >>> 0;
	};
	const rows: Buffer[] = [];
	let data = Buffer.alloc(0);
	// ~80% noise rows (a 2D barcode, a dithered logo), ~20% bar rows.
	while (data.length < bytes - 1200) {
		for (let i = 0; i < 16; i++) {
			const row = Buffer.alloc(rowBytes);
			if (random() % 5 === 0) row.fill(random() & 0xff);
			else for (let x = 0; x < rowBytes; x++) row[x] = random() & 0xff;
			rows.push(row);
		}
		data = deflateSync(Buffer.concat(rows));
	}
	const raster = { width, height: rows.length, data };
	rasters.set(bytes, raster);
	return raster;
}

function pdfWithImage(lines: string[], image?: Raster): Buffer {
	const escape = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`);
	const text = [
		...(image ? [`q 288 0 0 ${((288 * image.height) / image.width).toFixed(2)} 0 0 cm /Im1 Do Q`] : []),
		...lines.map((line, index) => `BT /F1 14 Tf 24 ${400 - index * 24} Td (${escape(line)}) Tj ET`),
	].join('\n');
	const xObject = image ? ' /XObject << /Im1 6 0 R >>' : '';
	const objects: Array<string | Buffer> = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>${xObject} >> >>`,
		`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	if (image) {
		objects.push(
			Buffer.concat([
				Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length ${image.data.length} >>\nstream\n`, 'latin1'),
				image.data,
				Buffer.from('\nendstream', 'latin1'),
			]),
		);
	}
	const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
	let length = parts[0].length;
	const offsets: number[] = [];
	// Text is written as latin1 but counted in UTF-8 bytes, as tinyPdf always did (same bytes as before).
	const add = (part: string | Buffer) => {
		parts.push(typeof part === 'string' ? Buffer.from(part, 'latin1') : part);
		length += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
	};
	objects.forEach((object, index) => {
		offsets.push(length);
		add(`${index + 1} 0 obj\n`);
		add(object);
		add('\nendobj\n');
	});
	const xrefAt = length;
	add(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
	add(offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join(''));
	add(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
	return Buffer.concat(parts);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed));
	return Buffer.concat([length, typed, crc]);
}

/** A small grayscale PNG with barcode-like stripes (derived from the seed text). */
export function tinyPng(seed: string, width = 64, height = 32): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // grayscale
	const row = Buffer.alloc(width + 1); // filter byte 0, then pixels
	for (let x = 0; x < width; x++) row[x + 1] = seed.charCodeAt(x % Math.max(1, seed.length)) % 2 ? 0 : 255;
	const pixels = Buffer.concat(Array.from({ length: height }, () => row));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(pixels)),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

export function tinyZpl(lines: string[], barcode: string): Buffer {
	const fields = lines.map((line, index) => `^FO40,${40 + index * 50}^A0N,36,36^FD${line}^FS`).join('\n');
	return Buffer.from(`^XA\n${fields}\n^FO40,${60 + lines.length * 50}^BCN,120,Y,N,N^FD${barcode}^FS\n^XZ\n`);
}

export function labelFile(format: LabelFormat, lines: string[], barcode: string): Buffer {
	if (format === 'png') return tinyPng(barcode);
	if (format === 'zpl') return tinyZpl(lines, barcode);
	return tinyPdf([...lines, barcode]);
}

export function asLabelFormat(value: unknown): LabelFormat {
	return value === 'png' || value === 'zpl' ? value : 'pdf';
}
