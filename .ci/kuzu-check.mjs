#!/usr/bin/env node
// Loads a folder written by `msckg build --neo4j DIR` into Kùzu, an
// embedded graph database that speaks Cypher, twice: once from the CSV
// files (node and relationship tables made from their Neo4j headers,
// filled with Kùzu's COPY FROM), once by running load.cypher (its
// Neo4j-only CREATE CONSTRAINT lines left out). It prints as JSON the
// rows of every node and relationship table after each load, and the
// first differences between the two loads.
//
//   node .ci/kuzu-check.mjs DIR
//
// Install the pinned packages first: cd .ci && npm ci --no-audit --no-fund
// Exit status: 0 when both loads ran, 1 otherwise, 2 on usage.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const kuzu = require("kuzu");

const dir = process.argv[2];
if (!dir || process.argv.length !== 3) {
  process.stderr.write("usage: node kuzu-check.mjs DIR\n");
  process.exit(2);
}

// Neo4j's header field types, as Kùzu column types. The writer makes
// arrays of strings only; another array type is refused, not guessed.
const kuzuType = { int: "INT64", long: "INT64", short: "INT64", byte: "INT64", float: "DOUBLE", double: "DOUBLE", boolean: "BOOLEAN", string: "STRING", char: "STRING" };
const fieldRe = /^([A-Za-z_][A-Za-z0-9_]*)?:([A-Za-z_]+)(\[\])?$|^([A-Za-z_][A-Za-z0-9_]*)$/;

// header reads a CSV file's header row into columns {name, type, array}
// (name "" for :LABEL, :START_ID, ...).
function header(path) {
  const text = readFileSync(path, "utf8");
  const first = text.slice(0, text.indexOf("\n"));
  return first.split(",").map((f) => {
    const m = fieldRe.exec(f);
    if (!m) throw new Error(`${path}: header field ${JSON.stringify(f)} is not name:type`);
    if (m[4]) return { field: f, name: m[4], type: "string", array: false };
    const type = m[2];
    if (["ID", "LABEL", "START_ID", "END_ID", "TYPE"].includes(type)) return { field: f, name: m[1] ?? "", type, array: false };
    if (!kuzuType[type]) throw new Error(`${path}: unknown type in ${f}`);
    if (m[3] && type !== "string") throw new Error(`${path}: ${f}: only string arrays are checked`);
    return { field: f, name: m[1], type, array: !!m[3] };
  });
}

const q = (s) => "`" + s.replaceAll("`", "``") + "`";
// Kùzu keeps node and relationship tables in one namespace that ignores
// case, where Neo4j's labels and types are apart (node Evidence, link
// evidence): relationship tables get a prefix, here and in load.cypher.
const relTable = (type) => q("R_" + type);
const lit = (s) => "'" + s.replaceAll("\\", "\\\\").replaceAll("'", "\\'") + "'";
const colType = (c) => (c.array ? "STRING[]" : kuzuType[c.type]);
// load reads a file with its own column names (c0, c1, ...) and types:
// arrays as strings, split on ';' in the RETURN.
function load(path, cols) {
  const decl = cols.map((c, i) => `c${i} ${c.array || !kuzuType[c.type] ? "STRING" : kuzuType[c.type]}`).join(", ");
  return `LOAD WITH HEADERS (${decl}) FROM ${lit(path)} (header=true, parallel=false)`;
}
const value = (c, i) => (c.array ? `string_split(c${i}, ';')` : `c${i}`);

// kuzuEscapes passes the escapes \n, \r, \t and \uXXXX of Cypher's
// double-quoted strings as the characters themselves: Kùzu 0.11 reads
// "\n" as "n" where Neo4j reads a line break, and takes the characters
// as they are. \\ and \" are left, as both read them alike.
function kuzuEscapes(stmt) {
  let out = "";
  let inString = false;
  for (let i = 0; i < stmt.length; i++) {
    const ch = stmt[i];
    if (!inString) {
      inString = ch === '"';
      out += ch;
      continue;
    }
    if (ch === '"') {
      inString = false;
      out += ch;
    } else if (ch === "\\") {
      const next = stmt[i + 1];
      const simple = { n: "\n", r: "\r", t: "\t" }[next];
      if (simple) {
        out += simple;
        i++;
      } else if (next === "u" && /^[0-9A-Fa-f]{4}$/.test(stmt.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(stmt.slice(i + 2, i + 6), 16));
        i += 5;
      } else {
        out += ch + next;
        i++;
      }
    } else {
      out += ch;
    }
  }
  return out;
}

async function all(conn, query) {
  try {
    const r = await conn.query(query);
    return await r.getAll();
  } catch (e) {
    throw new Error(`${e.message}\n  in: ${query.slice(0, 300)}`);
  }
}

async function main() {
  const files = readdirSync(dir).sort();
  const nodeFiles = files.filter((f) => /^nodes-.*\.csv$/.test(f)).map((f) => resolve(join(dir, f)));
  const relFiles = files.filter((f) => /^rels-.*\.csv$/.test(f)).map((f) => resolve(join(dir, f)));

  // The schema comes from the headers and the labels and types in the
  // files; it is made in a scratch database first, then in the two.
  const scratch = new kuzu.Connection(new kuzu.Database(":memory:"), 1);
  const nodes = []; // {path, label, cols}
  const tableOf = new Map(); // node id → label
  for (const path of nodeFiles) {
    const cols = header(path);
    if (cols[0].type !== "ID" || cols[1].type !== "LABEL") throw new Error(`${path}: header must start id:ID,:LABEL`);
    const labels = await all(scratch, `${load(path, cols)} RETURN DISTINCT c1 AS l`);
    if (labels.length !== 1) throw new Error(`${path}: ${labels.length} labels in one node file`);
    const label = labels[0].l;
    for (const r of await all(scratch, `${load(path, cols)} RETURN c0 AS id`)) {
      if (tableOf.has(r.id)) throw new Error(`${path}: id ${r.id} also in the ${tableOf.get(r.id)} file`);
      tableOf.set(r.id, label);
    }
    nodes.push({ path, label, cols });
  }
  const relTables = new Map(); // type → {pairs: [], cols: Map name → type}
  const rels = []; // {path, type, from, to, cols}
  for (const path of relFiles) {
    const cols = header(path);
    if (cols[0].type !== "START_ID" || cols[1].type !== "END_ID" || cols[2].type !== "TYPE") {
      throw new Error(`${path}: header must start :START_ID,:END_ID,:TYPE`);
    }
    const kinds = await all(scratch, `${load(path, cols)} RETURN DISTINCT c2 AS t`);
    if (kinds.length !== 1) throw new Error(`${path}: ${kinds.length} types in one relationship file`);
    const ends = new Set();
    for (const r of await all(scratch, `${load(path, cols)} RETURN c0 AS s, c1 AS e`)) {
      if (!tableOf.has(r.s) || !tableOf.has(r.e)) throw new Error(`${path}: no node ${tableOf.has(r.s) ? r.e : r.s}`);
      ends.add(tableOf.get(r.s) + "\u0000" + tableOf.get(r.e));
    }
    if (ends.size !== 1) throw new Error(`${path}: ${ends.size} pairs of end labels in one file`);
    const [from, to] = [...ends][0].split("\u0000");
    const type = kinds[0].t;
    const t = relTables.get(type) ?? { pairs: [], cols: new Map() };
    t.pairs.push([from, to]);
    for (const c of cols.slice(3)) {
      const prev = t.cols.get(c.name);
      if (prev && prev !== colType(c)) throw new Error(`${type}.${c.name}: ${prev} in one file, ${colType(c)} in another`);
      t.cols.set(c.name, colType(c));
    }
    relTables.set(type, t);
    rels.push({ path, type, from, to, cols });
  }
  const ddl = [];
  for (const n of nodes) {
    const props = n.cols.slice(2).map((c) => `${q(c.name)} ${colType(c)}`);
    ddl.push(`CREATE NODE TABLE ${q(n.label)}(id STRING PRIMARY KEY, ${props.join(", ")})`);
  }
  for (const [type, t] of relTables) {
    const pairs = t.pairs.map(([f, to]) => `FROM ${q(f)} TO ${q(to)}`);
    const props = [...t.cols].map(([name, ty]) => `${q(name)} ${ty}`);
    ddl.push(`CREATE REL TABLE ${relTable(type)}(${[...pairs, ...props].join(", ")})`);
  }

  // Load 1: COPY FROM each CSV file.
  const csv = new kuzu.Connection(new kuzu.Database(":memory:"), 1);
  for (const s of ddl) await all(csv, s);
  for (const n of nodes) {
    const ret = n.cols.map((c, i) => (i === 1 ? null : value(c, i))).filter((v) => v !== null);
    await all(csv, `COPY ${q(n.label)} FROM (${load(n.path, n.cols)} RETURN ${ret.join(", ")})`);
  }
  for (const r of rels) {
    const byName = new Map(r.cols.slice(3).map((c, i) => [c.name, value(c, i + 3)]));
    const ret = ["c0", "c1", ...[...relTables.get(r.type).cols].map(([name, ty]) => byName.get(name) ?? `CAST(NULL AS ${ty})`)];
    await all(csv, `COPY ${relTable(r.type)} FROM (${load(r.path, r.cols)} RETURN ${ret.join(", ")}) (from=${lit(r.from)}, to=${lit(r.to)})`);
  }

  // Load 2: the statements of load.cypher, one a line.
  const cy = new kuzu.Connection(new kuzu.Database(":memory:"), 1);
  for (const s of ddl) await all(cy, s);
  let statements = 0;
  await all(cy, "BEGIN TRANSACTION"); // one commit, not one a statement
  for (const line of readFileSync(join(dir, "load.cypher"), "utf8").split("\n")) {
    if (line === "" || line.startsWith("//") || line.startsWith("CREATE CONSTRAINT ")) continue;
    // The one relationship type of a line is the first ")-[r:`…` {".
    const stmt = line.replace(/\)-\[r:`((?:[^`]|``)*)` \{/, (_, t) => `)-[r:${relTable(t.replaceAll("``", "`"))} {`);
    await all(cy, kuzuEscapes(stmt));
    statements++;
  }
  await all(cy, "COMMIT");

  async function dump(conn) {
    const out = { nodes: {}, rels: {} };
    for (const n of nodes) out.nodes[n.label] = await all(conn, `MATCH (n:${q(n.label)}) RETURN n.* ORDER BY n.id`);
    for (const type of relTables.keys()) {
      out.rels[type] = await all(conn, `MATCH (a)-[r:${relTable(type)}]->(b) RETURN a.id AS src, b.id AS dst, r.* ORDER BY src, dst, r.predicate`);
    }
    return out;
  }
  const [a, b] = [await dump(csv), await dump(cy)];
  const differences = [];
  for (const kind of ["nodes", "rels"]) {
    for (const name of Object.keys(a[kind])) {
      const [x, y] = [a[kind][name], b[kind][name]];
      if (x.length !== y.length) differences.push(`${name}: ${x.length} rows from the CSV files, ${y.length} from load.cypher`);
      for (let i = 0; i < Math.min(x.length, y.length) && differences.length < 10; i++) {
        if (JSON.stringify(x[i]) !== JSON.stringify(y[i])) {
          differences.push(`${name} row ${i}: CSV ${JSON.stringify(x[i])} cypher ${JSON.stringify(y[i])}`);
          break;
        }
      }
    }
  }
  const counts = (d) => ({
    nodes: Object.fromEntries(Object.entries(d.nodes).map(([k, v]) => [k, v.length])),
    rels: Object.fromEntries(Object.entries(d.rels).map(([k, v]) => [k, v.length])),
  });
  process.stdout.write(JSON.stringify({ csv: counts(a), cypher: counts(b), statements, differences }));
}

try {
  await main();
} catch (e) {
  process.stderr.write(`kuzu-check: ${e.message ?? e}\n`);
  process.exit(1);
}
