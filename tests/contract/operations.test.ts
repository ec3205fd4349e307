// The API contract, without a database: every operation the web client and the Python package send validates
// against server/graphql/schema.graphql, every type and field of the SDL is documented, and the Cypher
// folder and the QUERY_NAMES list agree.
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as clientOperations from '../../client/src/api/operations.ts';
import { CYPHER_DIR, QUERY_NAMES } from '../../server/db/cypher.ts';
import { SCHEMA_FILE } from '../../server/graphql/yoga.ts';

const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
const PYTHON_OPERATIONS = path.resolve(import.meta.dirname, '../../python/src/linkage/operations');
const PYTHON_FRAGMENTS = 'fragments.graphql';

const looksLikeGraphQL = (value: unknown): value is string =>
  typeof value === 'string' && /^\s*(query|mutation|subscription|fragment)\b/m.test(value);

const clientDocuments = Object.entries(clientOperations).filter(([, value]) => looksLikeGraphQL(value)) as [
  string,
  string,
][];

// Each operation file is sent with the shared fragments (ariadne-codegen joins them the same way).
const pythonFragments = fs.readFileSync(path.join(PYTHON_OPERATIONS, PYTHON_FRAGMENTS), 'utf8');
const pythonDocuments: [string, string][] = fs
  .readdirSync(PYTHON_OPERATIONS)
  .filter((file) => file.endsWith('.graphql') && file !== PYTHON_FRAGMENTS)
  .sort()
  .map((file) => [
    file,
    `${fs.readFileSync(path.join(PYTHON_OPERATIONS, file), 'utf8')}\n${pythonFragments}`,
  ]);

function problems(document: string, rules = specifiedRules): string[] {
  try {
    return validate(schema, parse(document), rules).map((e) => e.message);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

describe('client operations (client/src/api/operations.ts)', () => {
  it('exports GraphQL documents', () => {
    expect(clientDocuments.length).toBeGreaterThan(0);
  });

  it.each(clientDocuments)('%s validates against the SDL', (_name, document) => {
    expect(problems(document)).toEqual([]);
  });

  it.each(clientDocuments)('%s names its operations', (_name, document) => {
    const operations = parse(document).definitions.filter((d) => d.kind === 'OperationDefinition');
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) expect(op.name?.value).toBeTruthy();
  });
});

describe('Python package operations (python/src/linkage/operations/*.graphql)', () => {
  it("finds the package's operations", () => {
    expect(pythonDocuments.length).toBeGreaterThan(0);
  });

  // An operation uses only some of the shared fragments; every other rule applies.
  const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
  it.each(pythonDocuments)('%s validates against the SDL', (_file, document) => {
    expect(problems(document, rules)).toEqual([]);
  });
});

describe('the validator can fail', () => {
  it('rejects an unknown field, a wrong argument and a syntax error', () => {
    expect(problems('query A { entity(id: "x") { salary } }')).not.toEqual([]);
    expect(problems('query A { neighborhood(ids: ["x"], radius: 2) { truncated } }')).not.toEqual([]);
    expect(problems('query A { entity(id: "x") { id }')).not.toEqual([]);
  });
});

describe('the SDL documents itself', () => {
  const ownTypes = Object.values(schema.getTypeMap()).filter(
    (t: GraphQLNamedType) => !isIntrospectionType(t) && !isSpecifiedScalarType(t),
  );

  it.each(ownTypes.map((t) => [t.name, t] as const))('type %s has a description', (_name, type) => {
    expect(type.description?.trim()).toBeTruthy();
  });

  it('every field, argument, input field and enum value has a description', () => {
    const missing: string[] = [];
    for (const type of ownTypes) {
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('cypher/ and QUERY_NAMES agree', () => {
  const files = fs
    .readdirSync(CYPHER_DIR)
    .filter((f) => f.endsWith('.cypher') && !f.startsWith('schema'))
    .map((f) => f.replace(/\.cypher$/, ''))
    .sort();
  const names = [...QUERY_NAMES].sort();

  it('every cypher file is listed in QUERY_NAMES', () => {
    expect(files.filter((f) => !names.includes(f as (typeof QUERY_NAMES)[number]))).toEqual([]);
  });

  it('every QUERY_NAMES entry has its file', () => {
    expect(names.filter((n) => !files.includes(n))).toEqual([]);
  });

  it('lists each name once', () => {
    expect(new Set(QUERY_NAMES).size).toBe(QUERY_NAMES.length);
  });

  it.each(files)('%s.cypher opens with a // header that names its params and returns', (name) => {
    const text = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
    expect(text.startsWith(`// ${name}:`)).toBe(true);
    expect(text).toMatch(/^\/\/ params:/m);
    expect(text).toMatch(/^\/\/ returns:/m);
  });
});
