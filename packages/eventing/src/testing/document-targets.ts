import { loadEngineSettings, onRealEngines } from '@ebp/platform';
import type { DocumentStore } from '../documents/document-store';
import { MongoDocumentStore } from '../documents/mongo-document-store';
import { SqlDocumentStore } from '../documents/sql-document-store';
import { uniqueName } from './events';
import { pgliteTarget, postgresTarget, type SqlTarget } from './sql-targets';

export interface DocumentTarget {
  readonly name: string;
  /** A fresh, empty document store; `close` also closes what it opened. */
  readonly create: () => Promise<DocumentStore>;
}

function sqlDocuments(target: SqlTarget): DocumentTarget {
  return {
    name: `${target.name} JSONB`,
    create: async () => {
      const sql = await target.create();
      const store = await SqlDocumentStore.open(sql);
      return { ...bindAll(store), close: () => sql.close() };
    },
  };
}

function bindAll(store: DocumentStore): DocumentStore {
  return {
    collection: (name) => store.collection(name),
    resolveAlias: (alias) => store.resolveAlias(alias),
    setAlias: (alias, target) => store.setAlias(alias, target),
    close: () => store.close(),
  };
}

export const mongoDocumentsTarget: DocumentTarget = {
  name: 'MongoDB wire protocol (FerretDB)',
  create: () => MongoDocumentStore.connect(loadEngineSettings().mongo.url, uniqueName('test')),
};

/** PGlite JSONB in `npm test`; PostgreSQL JSONB and MongoDB (FerretDB) in `test:engines`. */
export function documentTargets(): DocumentTarget[] {
  return onRealEngines()
    ? [sqlDocuments(postgresTarget), mongoDocumentsTarget]
    : [sqlDocuments(pgliteTarget)];
}
