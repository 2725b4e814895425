/** The guard of operations the tutorial API does not have: they need the CXone Access Key sign-in. */
import { NodeOperationError } from 'n8n-workflow';

import type { CxoneSession } from '../transport';

/** Stops before any request when the credential signs in to the tutorial API (or a gateway that speaks it). */
export function requireRealTenant(session: CxoneSession, operation: string, purpose: string, itemIndex: number): void {
	if (session.flavour === 'realTenant') return;
	throw new NodeOperationError(session.node, `${operation} needs the CXone Access Key sign-in`, {
		description: `The tutorial API (Client ID and Secret sign-in) can only read current agent states. To ${purpose}, use a credential with Sign-In Method "CXone Access Key (Real Tenant)" for a real tenant.`,
		itemIndex,
	});
}
