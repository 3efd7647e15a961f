import type { Envelope } from '../domain/envelope';

export type Transport = (functionName: string, event: Record<string, unknown>) => Promise<Envelope<unknown>>;
