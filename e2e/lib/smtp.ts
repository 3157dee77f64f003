/**
 * A local SMTP stand-in on 127.0.0.1 for the Send Email node (n8n's nodemailer transport): just
 * enough ESMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no auth) to receive
 * messages and keep them for the test to read. Never relays anything.
 */
import { createServer, type Socket } from 'node:net';

export interface ReceivedMail {
	from: string;
	to: string[];
	data: string;
}

export interface MailAttachment {
	contentType: string;
	fileName: string;
	content: Buffer;
}

export interface SmtpStandIn {
	messages: ReceivedMail[];
	close(): Promise<void>;
}

export async function startSmtpStandIn(port: number): Promise<SmtpStandIn> {
	const messages: ReceivedMail[] = [];
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		let buffer = '';
		let inData = false;
		let mail: ReceivedMail = { from: '', to: [], data: '' };
		const reply = (line: string) => socket.write(`${line}\r\n`);
		reply('220 127.0.0.1 ESMTP stand-in');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('latin1');
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end < 0) return;
					mail.data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
					buffer = buffer.slice(end + 5);
					inData = false;
					messages.push(mail);
					mail = { from: '', to: [], data: '' };
					reply('250 2.0.0 queued');
					continue;
				}
				const eol = buffer.indexOf('\r\n');
				if (eol < 0) return;
				const line = buffer.slice(0, eol);
				buffer = buffer.slice(eol + 2);
				const command = line.slice(0, 4).toUpperCase();
				if (command === 'EHLO') reply('250-127.0.0.1\r\n250-8BITMIME\r\n250 SIZE 104857600');
				else if (command === 'HELO' || command === 'RSET' || command === 'NOOP') reply('250 OK');
				else if (command === 'MAIL') {
					mail.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
					reply('250 OK');
				} else if (command === 'RCPT') {
					mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
					reply('250 OK');
				} else if (command === 'DATA') {
					inData = true;
					reply('354 end with <CRLF>.<CRLF>');
				} else if (command === 'QUIT') {
					reply('221 bye');
					socket.end();
				} else reply('502 not implemented');
			}
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		messages,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** The base64 attachments of a MIME message (enough for nodemailer's multipart/mixed). */
export function attachments(mail: ReceivedMail): MailAttachment[] {
	const boundary = /boundary="?([^"\r\n;]+)"?/i.exec(mail.data)?.[1];
	if (!boundary) return [];
	return mail.data
		.split(`--${boundary}`)
		.map((part): MailAttachment | undefined => {
			const split = part.indexOf('\r\n\r\n');
			const head = part.slice(0, split);
			const fileName = /filename="?([^"\r\n;]+)"?/i.exec(head)?.[1];
			if (split < 0 || !fileName || !/base64/i.test(head)) return undefined;
			return {
				contentType: (/content-type:\s*([^;\r\n]+)/i.exec(head)?.[1] ?? '').trim(),
				fileName,
				content: Buffer.from(part.slice(split + 4).replace(/\s+/g, ''), 'base64'),
			};
		})
		.filter((attachment): attachment is MailAttachment => attachment !== undefined);
}
