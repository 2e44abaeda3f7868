#!/usr/bin/env node
// Runs one SPARQL query over an RDF file with Oxigraph and prints the
// results as SPARQL 1.1 CSV on standard output.
//
//   node .ci/oxigraph-query.mjs DATA.nq QUERY.rq
//
// It is the second, independent SPARQL engine of the tests (Jena ARQ is
// the first): two engines that agree on the competency queries make it
// unlikely that an answer depends on one engine's reading of the spec.
//
// The default graph of the query is the union of every graph in the file,
// so a query written for the Turtle (union) view of the graph answers the
// same on the N-Quads file, where each record's statements sit in their
// own named graph. GRAPH ?g { … } still sees the named graphs.
//
// Install the pinned engine first: cd .ci && npm ci --no-audit --no-fund
// Exit status: 0 on success, 1 on a data or query error, 2 on usage.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import oxigraph from "oxigraph";

const formats = {
  ".nq": "application/n-quads",
  ".nt": "application/n-triples",
  ".ttl": "text/turtle",
  ".trig": "application/trig",
  ".jsonld": "application/ld+json",
};

function fail(code, message) {
  process.stderr.write(`oxigraph-query: ${message}\n`);
  process.exit(code);
}

const [dataPath, queryPath] = process.argv.slice(2);
if (!dataPath || !queryPath || process.argv.length !== 4) {
  fail(2, "usage: node oxigraph-query.mjs DATA.nq QUERY.rq");
}
const format = formats[extname(dataPath).toLowerCase()];
if (!format) {
  fail(2, `${dataPath}: unknown RDF syntax (known extensions: ${Object.keys(formats).join(", ")})`);
}

let data, query;
try {
  data = readFileSync(dataPath);
  query = readFileSync(queryPath, "utf8");
} catch (e) {
  fail(1, e.message);
}

const store = new oxigraph.Store();
try {
  // Strict parsing (no "lenient" or "unchecked"): a malformed file is an
  // error here, not a silently smaller graph.
  store.load(data, { format });
} catch (e) {
  fail(1, `${dataPath}: ${e.message ?? e}`);
}

let out;
try {
  out = store.query(query, { use_default_graph_as_union: true, results_format: "csv" });
} catch (e) {
  fail(1, `${queryPath}: ${e.message ?? e}`);
}
if (typeof out !== "string") {
  // Only SELECT and ASK have a CSV form; CONSTRUCT/DESCRIBE return quads.
  fail(1, `${queryPath}: the query returned ${Array.isArray(out) ? "quads" : typeof out}, not a result table`);
}
process.stdout.write(out);
