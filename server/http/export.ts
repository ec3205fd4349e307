// Export endpoints (/export/<format>) are built in the notebooks-and-exports work; until then none exist.
import express from 'express';
import type { Database } from '../db/database.ts';
import type { GraphRepository } from '../graph/repository.ts';

export function exportRoutes(_graph: GraphRepository, _db: Database): express.Router {
  return express.Router();
}
