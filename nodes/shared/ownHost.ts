/**
 * The credential's own host under n8n's "Allowed HTTP Request Domains" (n8n 2.x adds the field
 * to every credential that authenticates requests).
 *
 * With "Specific Domains", n8n allows the listed domains plus the node's own endpoint: the host
 * of the node's `requestDefaults.baseURL`. Both nodes keep that base URL static (an expression
 * there costs two evaluations per item) and point the request at the host the credential names
 * (ShipEngine's Base URL override, the Stamps.com environment or override) in code, so n8n
 * counted the static host as the node's own. This gives the credential's host the place n8n
 * would have given it: an empty list allows just that host, and it never widens a list to any
 * host the credential does not name.
 */
function hostOf(url: string | undefined): string {
	try {
		return url ? new URL(url).hostname.toLowerCase() : '';
	} catch {
		return '';
	}
}

/**
 * `allowedDomains` as n8n computed it (undefined when the credential restricts nothing), the
 * node's static base URL, and the base URL the request really goes to.
 */
export function allowCredentialHost(allowedDomains: string | undefined, staticBaseUrl: string, baseURL: string | undefined): string | undefined {
	if (!allowedDomains) return allowedDomains;
	const own = hostOf(baseURL);
	const assumed = hostOf(staticBaseUrl);
	if (!own || own === assumed) return allowedDomains;
	// n8n's forms: the assumed host alone (empty list), `${host}, ${list}`, or the list itself.
	const listed =
		allowedDomains === assumed ? '' : allowedDomains.startsWith(`${assumed}, `) ? allowedDomains.slice(assumed.length + 2) : allowedDomains;
	return listed ? `${own}, ${listed}` : own;
}
