import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to a loopback server on port 4000 with the local Neo4j', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.auth).toBeUndefined();
    expect(config.auth.readsRequireToken).toBe(false);
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('lists every problem at once, naming each variable and the value it got', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        NEO4J_URI: 'http://nope',
        LINKAGE_READS_REQUIRE_TOKEN: 'maybe',
        NEO4J_USER: 'neo4j',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT: .*"abc"/);
    expect(problems).toMatch(/NEO4J_URI: expected a Neo4j URI/);
    expect(problems).toMatch(/LINKAGE_READS_REQUIRE_TOKEN/);
    expect(problems).toMatch(/NEO4J_PASSWORD: set NEO4J_USER and NEO4J_PASSWORD together/);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('accepts routing URIs for clusters and Aura, with credentials', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: 'secret',
    });
    expect(config.neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(config.neo4j.auth).toEqual({ user: 'neo4j', password: 'secret' });
  });

  it('rejects ports out of range and unknown log levels', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: expected a port between 0 and 65535/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
