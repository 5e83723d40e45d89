// The gateway as its own process (distributed mode): verifies bearer tokens against the identity
// provider's JWKS and plans each operation onto the subgraphs named in its configuration. It is
// the platform's one public origin: it also forwards the library's feed and the partner webhook
// to the services behind EBP_DISSEMINATION_URL and EBP_PARTNERS_URL, and the JWKS to EBP_JWKS_URL.
import {
  createLogger,
  loadConfig,
  remoteJwksVerifier,
  requireSettings,
  runUntilStopped,
} from '@ebp/platform';
import { startGateway } from './gateway-server';

const config = loadConfig();
const logger = createLogger({ service: 'gateway', level: config.logLevel });

runUntilStopped(logger, async () => {
  const required = requireSettings([
    'EBP_IDENTITY_SECRET',
    'EBP_JWKS_URL',
    'EBP_JWT_ISSUER',
    'EBP_REGISTER_URL',
    'EBP_COMMUNITY_URL',
    'EBP_PARTNERS_URL',
    'EBP_DISSEMINATION_URL',
  ]);
  return startGateway({
    subgraphUrls: {
      register: required.EBP_REGISTER_URL,
      community: required.EBP_COMMUNITY_URL,
      partners: required.EBP_PARTNERS_URL,
      dissemination: required.EBP_DISSEMINATION_URL,
    },
    verifier: remoteJwksVerifier(
      required.EBP_JWKS_URL,
      required.EBP_JWT_ISSUER,
      config.auth.audience,
      { maxLifetimeSeconds: config.auth.maxTokenLifetimeSeconds },
    ),
    identitySecret: required.EBP_IDENTITY_SECRET,
    jwksUrl: required.EBP_JWKS_URL,
    host: config.http.host,
    port: config.http.port,
    production: config.nodeEnv === 'production',
    logger,
  });
});
