/** Faults the simulator can inject, per request (a queue per endpoint) or as a schedule over all requests. */

export type FaultPath = 'token' | 'states' | 'agents' | 'discovery' | 'any';

export interface FaultSpec {
	/** HTTP status to answer with (401, 403, 429, 500, 502, 503, 204, 304, ...). */
	status?: number;
	/** Retry-After header (seconds). */
	retryAfter?: number | string;
	/** Answer after this delay; without `status` the normal answer is delayed. */
	delayMs?: number;
	/** Raw body to send instead of the normal one. */
	body?: string;
	kind?: 'nonJson' | 'truncatedJson' | 'emptyArray' | 'html' | 'reset' | 'unexpectedShape';
	/** CXone puts error text in this header. */
	icStatusDescription?: string;
	/** Which endpoint the fault applies to (default: agent states). */
	path?: FaultPath;
	/** How many matching requests it applies to (default 1). */
	times?: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	body: string;
	status: number;
	at: number;
}

export type FaultSchedule = (request: RecordedRequest, index: number) => FaultSpec | undefined;

export class FaultQueue {
	private readonly queued: Array<FaultSpec & { remaining: number }> = [];
	private schedule: FaultSchedule | undefined;

	add(specs: FaultSpec | FaultSpec[]) {
		for (const spec of Array.isArray(specs) ? specs : [specs]) this.queued.push({ ...spec, remaining: spec.times ?? 1 });
	}

	setSchedule(schedule: FaultSchedule | undefined) {
		this.schedule = schedule;
	}

	clear() {
		this.queued.length = 0;
		this.schedule = undefined;
	}

	/** The fault for this request, if any: queued ones first (FIFO for its endpoint), then the schedule. */
	take(endpoint: FaultPath, request: RecordedRequest, index: number): FaultSpec | undefined {
		const position = this.queued.findIndex((fault) => (fault.path ?? 'states') === endpoint || fault.path === 'any');
		if (position >= 0) {
			const fault = this.queued[position];
			fault.remaining--;
			if (fault.remaining <= 0) this.queued.splice(position, 1);
			return fault;
		}
		const scheduled = this.schedule?.(request, index);
		return scheduled && ((scheduled.path ?? 'states') === endpoint || scheduled.path === 'any') ? scheduled : undefined;
	}
}
