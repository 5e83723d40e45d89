// Need-to-know across the whole graph, all-in-one (issue 17): every path the composed supergraph
// has to a research project, run through the gateway as readers who may and may not see a hidden
// OFFICIAL-SENSITIVE project referenced from every service; and every write that names one.
import { randomBytes } from 'node:crypto';
import { startAllInOne } from './all-in-one';
import { leakScenario } from './testing/leak-scenario';
import { platformFor } from './testing/platform-under-test';

// Starting four services on PGlite can take a while on a busy machine.
jest.setTimeout(180_000);

describe('need-to-know across the graph, all-in-one', () => {
  const platform = platformFor(async () => {
    const identitySecret = randomBytes(32).toString('base64url');
    const running = await startAllInOne({ port: 0, identitySecret });
    return {
      url: running.url,
      origin: running.origin,
      publicUrl: running.publicUrl,
      subgraphUrls: {
        register: running.register.url,
        community: running.community.url,
        partners: running.partners.url,
        dissemination: running.dissemination.url,
      },
      identitySecret,
      issuer: running.issuer!,
      stop: () => running.stop(),
    };
  });

  leakScenario(platform);
});
