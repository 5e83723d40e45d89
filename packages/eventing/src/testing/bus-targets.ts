import { loadEngineSettings, onRealEngines } from '@ebp/platform';
import type { Bus } from '../bus/bus';
import { InProcessBus } from '../bus/in-process-bus';
import { KafkaBus } from '../bus/kafka-bus';

export interface BusTarget {
  readonly name: string;
  readonly create: () => Promise<Bus>;
}

export const inProcessBusTarget: BusTarget = {
  name: 'in-process bus',
  create: () => Promise.resolve(new InProcessBus()),
};

export const kafkaBusTarget: BusTarget = {
  name: 'Kafka',
  create: () => {
    const { kafka } = loadEngineSettings();
    return KafkaBus.connect({ brokers: kafka.brokers, clientId: `${kafka.clientId}-test` });
  },
};

/** The bus adapters a contract suite runs on: in-process in `npm test`, Kafka in `test:engines`. */
export function busTargets(): BusTarget[] {
  return onRealEngines() ? [kafkaBusTarget] : [inProcessBusTarget];
}
