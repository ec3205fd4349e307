// The Cytoscape extension ships without types; it is a plain `cytoscape.use()` plugin.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}
