import { main as account } from '../../cloudfunctions/account/index';
import { main as stations } from '../../cloudfunctions/stations/index';
import type { CloudFunctionMain } from './http-server';

/** Every cloud function the local server exposes: the same entries CloudBase runs. */
export const LOCAL_FUNCTIONS: Record<string, CloudFunctionMain> = { account, stations };
