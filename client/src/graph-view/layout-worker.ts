// The layout worker: receives a RefineRequest, answers with positions. Cancelled by terminate().
import { refine, type RefineRequest, type RefineResponse } from './refine-core.ts';

self.onmessage = (event: MessageEvent<RefineRequest>) => {
  let response: RefineResponse;
  try {
    response = refine(event.data);
  } catch (error) {
    response = { id: event.data.id, positions: [], ms: 0, error: String(error) };
  }
  self.postMessage(response);
};
