/**
 * The sandbox's one public entry: what the app needs to run a simulated WeChat Pay and to show
 * its demo facts. Everything else under lib/sandbox is the simulator's own business.
 */
export { FAULT_SUMMARIES } from './faults';
export { DEMO_PARENT_SUMMARIES, DEMO_PLANS, DEMO_SCHOOLS, SANDBOX_MCHID } from './seed';
export { type RunningSandbox, type SandboxOptions, startSandbox } from './server';
