export * from './dissemination-events';
export * from './dissemination-errors';
export * from './library/library-item.decider';
export * from './pipeline/delivery.decider';
export * from './master-classes/master-class.decider';
export * from './networks/learning-network.decider';
export * from './subscriptions/subscription.decider';
