// Lint rules for the subgraph schemas (services/*/schema/*.graphql, what each service serves and
// the gateway composes): naming, a description on every type and field, no JSON input (issue 18).
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const SERVICES = ['register', 'community', 'partners', 'dissemination'];

export default SERVICES.map((service) => ({
  files: [`services/${service}/schema/${service}.graphql`],
  languageOptions: {
    parser: graphqlPlugin.parser,
    parserOptions: {
      graphQLConfig: {
        schema: [
          `services/${service}/schema/${service}.graphql`,
          'tools/graphql/federation.graphql',
        ],
      },
    },
  },
  plugins: { '@graphql-eslint': graphqlPlugin },
  rules: {
    '@graphql-eslint/naming-convention': [
      'error',
      {
        types: 'PascalCase',
        // A QA checklist has a field per criterion, named by the criterion's one spelling.
        'FieldDefinition[parent.name.value!=/^QaChecklist/]': 'camelCase',
        'InputValueDefinition[parent.name.value!=/^QaChecklist/]': 'camelCase',
        Argument: 'camelCase',
        // snake_case values; protective markings and formats keep their conventional capitals.
        EnumValueDefinition: { style: 'snake_case', ignorePattern: '^[A-Z][A-Z_]*$' },
        'FieldDefinition[parent.name.value=/^QaChecklist/]': { style: 'snake_case' },
        'InputValueDefinition[parent.name.value=/^QaChecklist/]': { style: 'snake_case' },
        allowLeadingUnderscore: false,
        allowTrailingUnderscore: false,
      },
    ],
    '@graphql-eslint/require-description': [
      'error',
      {
        types: true,
        FieldDefinition: true,
        InputValueDefinition: true,
        EnumValueDefinition: false,
        rootField: true,
      },
    ],
    '@graphql-eslint/no-duplicate-fields': 'error',
    '@graphql-eslint/unique-enum-value-names': 'error',
    'no-restricted-syntax': [
      'error',
      {
        selector: 'InputValueDefinition NamedType[name.value="JSON"]',
        message: 'Inputs are typed: generate an input type from the zod contract (decision 0022).',
      },
    ],
  },
}));
