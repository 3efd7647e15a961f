import type { ErrorCode } from '../domain/errors';
import type { ApiContract, ApiName } from './contract';
import { transport } from './transport';

/** A failed call, with the Chinese message to show. NETWORK: the call never got an answer. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The one way pages reach the functions: `call('stations.get', { stationId })` resolves
 * with the data or rejects with an ApiError whose message can be shown as it is.
 */
export async function call<N extends ApiName>(
  name: N,
  input: ApiContract[N]['input'],
): Promise<ApiContract[N]['output']> {
  const [functionName, action] = name.split('.') as [string, string];
  let envelope;
  try {
    envelope = await transport(functionName, { ...input, action });
  } catch {
    throw new ApiError('NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (!envelope || typeof envelope !== 'object') throw new ApiError('INTERNAL', '系统繁忙，请稍后再试');
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.data as ApiContract[N]['output'];
}
