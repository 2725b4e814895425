/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- development code that n8n never loads; n8n lints only nodes/ and credentials/ */
/**
 * NICE User Hub's access-key token endpoint as its documentation describes it: POST
 * /authentication/v1/token/access-key, a JSON body {accessKeyId, accessKeySecret} and no client
 * (developer.niceincontact.com API/DataExtractionAPI, Documentation/UserHubGettingStarted).
 */
import type { IncomingMessage } from 'node:http';

import type { Answer } from './faults';

export const USER_HUB_TOKEN_PATH = '/authentication/v1/token/access-key';

const refusal = (status: number, error: string, description: string): Answer => ({
	status,
	body: JSON.stringify({ error, error_description: description }),
	headers: { 'Content-Type': 'application/json' },
});

/** Why the simulator refuses an access-key token request, or undefined when it issues a token. */
export function accessKeyTokenRefusal(request: IncomingMessage, body: string, key: { accessKeyId: string; accessKeySecret: string }): Answer | undefined {
	// Stricter than a real tenant may be: a client that sends Basic auth or a form is not following NICE's page.
	if (request.headers.authorization) return refusal(400, 'invalid_request', 'This endpoint takes no Authorization header');
	if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
		return refusal(400, 'invalid_request', 'The body must be application/json');
	}
	let posted: unknown;
	try {
		posted = JSON.parse(body);
	} catch {
		return refusal(400, 'invalid_request', 'The body is not JSON');
	}
	const fields = typeof posted === 'object' && posted !== null ? (posted as Record<string, unknown>) : {};
	if (fields.accessKeyId !== key.accessKeyId || fields.accessKeySecret !== key.accessKeySecret) {
		return refusal(400, 'invalid_grant', 'Invalid access key ID or secret');
	}
	return undefined;
}
