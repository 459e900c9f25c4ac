import type { ConsoleConfig } from '../auth/config';

/** The local stack's console settings, as GET /api/v1/console-config answers them. */
export const TEST_CONSOLE_CONFIG: ConsoleConfig = {
  keycloakUrl: 'http://127.0.0.1:8180',
  realm: 'branchcast',
  realmUrl: 'http://127.0.0.1:8180/realms/branchcast',
  clientId: 'console',
  version: '0.1.0-SNAPSHOT',
};
