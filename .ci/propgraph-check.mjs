#!/usr/bin/env node
// Reads a GEXF file with graphology's GEXF reader and a Cytoscape JSON
// file with cytoscape.js (headless), as Gephi-like and Cytoscape-like
// tools would, and prints what each read as JSON: node and edge counts,
// and the label, type and iri of every node.
//
//   node .ci/propgraph-check.mjs FILE.gexf FILE.cyjs
//
// Install the pinned packages first: cd .ci && npm ci --no-audit --no-fund
// Exit status: 0 when both files were read, 1 otherwise, 2 on usage.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Graph = require("graphology");
const gexf = require("graphology-gexf");
const cytoscape = require("cytoscape");

const [gexfPath, cyjsPath] = process.argv.slice(2);
if (!gexfPath || !cyjsPath || process.argv.length !== 4) {
  process.stderr.write("usage: node propgraph-check.mjs FILE.gexf FILE.cyjs\n");
  process.exit(2);
}

function nodesOf(list) {
  return list.sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
}

try {
  // addMissingNodes stays false: an edge to an unknown node is an error.
  const g = gexf.parse(Graph, readFileSync(gexfPath, "utf8"));
  const gexfNodes = [];
  g.forEachNode((id, a) => gexfNodes.push({ label: a.label, type: a.type, iri: a.iri }));
  const cyjs = JSON.parse(readFileSync(cyjsPath, "utf8"));
  const cy = cytoscape({ headless: true, elements: cyjs.elements });
  const cyNodes = cy.nodes().map((n) => ({ label: n.data("label"), type: n.data("type"), iri: n.data("iri") }));
  process.stdout.write(JSON.stringify({
    gexf: { nodes: g.order, edges: g.size, list: nodesOf(gexfNodes) },
    cyjs: { nodes: cy.nodes().length, edges: cy.edges().length, list: nodesOf(cyNodes) },
  }));
} catch (e) {
  process.stderr.write(`propgraph-check: ${e.message ?? e}\n`);
  process.exit(1);
}
