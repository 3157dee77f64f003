/**
 * Keeps credentials out of the errors the nodes give n8n. An API, proxy or debug endpoint that
 * answers with the request it received puts the API key, Bearer token or OAuth client secret in
 * its answer; n8n shows that answer in the error, stores it with the execution and logs it. Before
 * an error leaves our request code, every value of the node's credentials (as written, base64 and
 * percent-encoded) and anything shaped like one (`Bearer …`, `api-key: …`, `client_secret=…`) is
 * replaced with "[redacted]", in the message, description, context, cause chain and response body.
 * Costs nothing on success: it runs only on the way out of a failed request.
 */
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

export const REDACTED = '[redacted]';

/** Credential fields that hold a secret (the OAuth token data nests access and refresh tokens). */
const SECRET_FIELD = /secret|password|api[-_]?key|access[-_]?token|refresh[-_]?token|id[-_]?token|^token$/i;
/** Shorter values are not worth hiding and would blank ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** The secret values of a credential, each in the forms it can take on the wire. */
export function credentialSecrets(data: ICredentialDataDecryptedObject | undefined): string[] {
	const found = new Set<string>();
	const visit = (value: unknown, key: string, depth: number) => {
		if (typeof value === 'string') {
			if (SECRET_FIELD.test(key) && value.length >= MIN_SECRET_LENGTH) found.add(value);
		} else if (value && typeof value === 'object' && depth < 4) {
			for (const [k, v] of Object.entries(value)) visit(v, k, depth + 1);
		}
	};
	visit(data, '', 0);
	// HTTP Basic form of OAuth client credentials (token endpoints may get them that way).
	if (typeof data?.clientId === 'string' && typeof data.clientSecret === 'string' && data.clientSecret) {
		found.add(Buffer.from(`${data.clientId}:${data.clientSecret}`).toString('base64'));
	}
	const forms = new Set<string>();
	for (const secret of found) {
		forms.add(secret);
		forms.add(encodeURIComponent(secret));
		forms.add(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''));
	}
	// Longest first, so a value is never left half replaced by a shorter one it contains.
	return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** `Bearer xyz`, `Basic xyz`, and a secret-named key followed by its value (JSON, headers, forms, escaped JSON). */
const SHAPES: Array<[RegExp, string]> = [
	[/\b(Bearer|Basic)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${REDACTED}`],
	[
		/((?:api[-_]?key|client[-_]?secret|access[-_]?token|refresh[-_]?token|password)\\?["']?\s*[:=]\s*\\?["']?)(?!\[redacted\])[^"'&\s,\\}]{4,}/gi,
		`$1${REDACTED}`,
	],
];

export function redactText(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
	for (const [shape, replacement] of SHAPES) out = out.replace(shape, replacement);
	return out;
}

/** Keys never walked: the node definition and workflow an error points to are not ours to rewrite. */
const SKIP = new Set(['node', 'workflow']);

/**
 * Rewrites, in place, every string reachable from `value` through plain objects, arrays and
 * errors (message, stack, description, cause, context, response body); returns `value`.
 */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
	const seen = new WeakSet<object>();
	const visit = (current: unknown, depth: number): unknown => {
		if (typeof current === 'string') return redactText(current, secrets);
		if (!current || typeof current !== 'object' || depth > 12 || seen.has(current)) return current;
		if (ArrayBuffer.isView(current) || current instanceof ArrayBuffer) return current;
		const isError = current instanceof Error;
		const proto = Object.getPrototypeOf(current) as unknown;
		if (!isError && !Array.isArray(current) && proto !== Object.prototype && proto !== null) return current;
		seen.add(current);
		const record = current as Record<string, unknown>;
		const keys = new Set(Object.keys(record));
		if (isError) ['message', 'stack', 'description', 'cause'].forEach((key) => keys.add(key));
		for (const key of keys) {
			if (SKIP.has(key)) continue;
			const before = record[key];
			const after = visit(before, depth + 1);
			if (after !== before) {
				try {
					record[key] = after;
				} catch {
					// A read-only property: nothing we can rewrite.
				}
			}
		}
		return current;
	};
	return visit(value, 0) as T;
}

interface CredentialReader {
	getNode(): INode;
	getCredentials?: (type: string) => Promise<ICredentialDataDecryptedObject>;
}

/** The secrets of every credential the node uses (none readable: the shapes alone still apply). */
export async function nodeSecrets(ctx: CredentialReader): Promise<string[]> {
	const secrets: string[] = [];
	for (const type of Object.keys(ctx.getNode().credentials ?? {})) {
		try {
			secrets.push(...credentialSecrets(await ctx.getCredentials?.(type)));
		} catch {
			// The credential could not be loaded (that may be the failure itself).
		}
	}
	return secrets.sort((a, b) => b.length - a.length);
}

/** The error with the node's credentials redacted (in place). */
export async function redactError<E>(ctx: CredentialReader, error: E): Promise<E> {
	return redactDeep(error, await nodeSecrets(ctx));
}
