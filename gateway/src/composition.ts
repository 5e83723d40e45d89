import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import { parse } from 'graphql';

export interface SubgraphSource {
  readonly name: string;
  /** Path of the subgraph's published SDL, relative to the list that names it. */
  readonly sdl: string;
}

/** Subgraph URLs are placeholders in the supergraph; the gateway maps each name to its real URL. */
export const placeholderUrl = (name: string): string => `http://${name}.subgraph.invalid/graphql`;

export class CompositionError extends Error {
  readonly code = 'SUPERGRAPH_COMPOSITION_FAILED';
}

/**
 * Composes the supergraph from the subgraphs' published SDL; throws listing every composition
 * error. Composition runs at build time only: it is loaded here, not with the gateway.
 */
export async function composeSupergraph(listFile: string): Promise<string> {
  const { composeServices } = await import('@apollo/composition');
  const { subgraphs } = JSON.parse(readFileSync(listFile, 'utf8')) as {
    subgraphs: SubgraphSource[];
  };
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: placeholderUrl(subgraph.name),
      typeDefs: parse(readFileSync(join(dirname(listFile), subgraph.sdl), 'utf8')),
    })),
  );
  if (result.errors || !result.supergraphSdl) {
    throw new CompositionError(
      `Supergraph composition failed:\n${(result.errors ?? []).map((error) => `  - ${error.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}

/**
 * The graph as clients see it (the supergraph less the federation machinery): what the web
 * page's typed queries are generated and checked against.
 */
export function apiSchemaOf(supergraphSdl: string): string {
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema())}\n`;
}

export const gatewayRoot = join(__dirname, '..').replace(/[/\\]dist$/, '');
