/** What the trigger keeps between polls in the workflow's static data: plain JSON, read whatever it holds. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { decodeId, encodeId } from '../helpers/snapshot';

export interface TriggerState {
	/** Real CXone's lastPollTime: the next poll asks only for agents changed since. */
	cursor?: string;
	/** Every watched agent's state and since, encoded by encodeSnapshot. Absent until the baseline poll. */
	snapshot?: string;
	/** The rule and filters the snapshot was taken for: when they change, the next poll takes a new baseline. */
	watching?: string;
	/** Agents the last poll did not believe gone yet (a held-back drop), one encoded ID a line. */
	heldBack?: string;
}

const STATE_KEYS = ['cursor', 'snapshot', 'watching', 'heldBack'] as const;

/** Where the state goes when the node's own static data is not an object n8n can save. */
const FALLBACK_KEY_PREFIX = 'cxoneAgentStatesTrigger:';

const isPlainObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface TriggerStateStore {
	/** The state as last saved, each field checked; `{}` (a new baseline) when it was taken for other settings. */
	state: TriggerState;
	write(next: TriggerState): void;
}

/**
 * n8n hands a node whatever is stored under its key and offers no way to replace it: a string, a number, null
 * or an array there (a hand-edited or imported workflow) would make every poll throw. The trigger then keeps
 * its state in the workflow's global static data under its node's name, and starts from a silent new baseline.
 */
export function openTriggerState(context: IPollFunctions, watching: string): TriggerStateStore {
	const own = context.getWorkflowStaticData('node') as unknown;
	let store: IDataObject;
	let replace: ((next: IDataObject) => void) | undefined;
	if (isPlainObject(own)) {
		store = own;
		// Anything else in it is from an older version (e.g. `agents`, `emptyListSeen`) and is removed.
		for (const key of Object.keys(store)) if (!(STATE_KEYS as readonly string[]).includes(key)) delete store[key];
	} else {
		const global = context.getWorkflowStaticData('global') as unknown;
		const key = `${FALLBACK_KEY_PREFIX}${context.getNode().name}`;
		const saved = isPlainObject(global) ? global[key] : undefined;
		store = isPlainObject(saved) ? { ...saved } : {};
		// A nested object is not tracked by n8n's change detection: assign it whole, so n8n saves it.
		replace = isPlainObject(global) ? (next) => (global[key] = next) : () => undefined;
	}
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	const state: TriggerState =
		store.watching !== watching
			? {}
			: { cursor: text(store.cursor), snapshot: text(store.snapshot), watching, heldBack: text(store.heldBack) };
	return {
		state,
		write(next) {
			const target = replace ? {} : store;
			for (const key of STATE_KEYS) {
				const value = next[key];
				if (value === undefined) {
					if (key in target) delete target[key];
				} else if (target[key] !== value) target[key] = value;
			}
			replace?.(target);
		},
	};
}

export const encodeIds = (ids: string[]) => (ids.length ? ids.map(encodeId).join('\n') : undefined);
export const decodeIds = (encoded: string | undefined) => new Set(encoded ? encoded.split('\n').map(decodeId) : []);
