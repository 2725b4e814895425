/**
 * The node's resource/operation pairs as a typed union (as n8n's Airtable v2 `actions/node.type.ts`), read off the
 * resource modules, so a new operation is still one entry in its resource module.
 */
import type { AllEntities } from 'n8n-workflow';

import type { resources } from './node.description';

type AnyResource = (typeof resources)[number];

type NodeMap = { [R in AnyResource as R['key']]: keyof R['operations'] & string };

export type CxoneType = AllEntities<NodeMap>;
export type ResourceKey = CxoneType['resource'];
