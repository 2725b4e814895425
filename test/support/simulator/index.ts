/** A dependency-free NICE CXone API simulator for tests, the demo and the CLI (`cli.ts`). */
export { AGENT_STATE_SCOPE, startSimulator, type Simulator, type SimulatorOptions } from './server';
export type { FaultPath, FaultSchedule, FaultSpec, RecordedRequest } from './faults';
export { DEFAULT_TENANT_OPTIONS, generateTenant, STATE_IDS, type CxoneStateName, type SimAgent, type SimState, type SimulatedTenant, type TenantOptions } from './tenant';
