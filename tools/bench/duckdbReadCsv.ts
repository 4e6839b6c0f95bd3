import { DuckDBInstance } from '@duckdb/node-api'

// Child of the CSV benchmark: DuckDB reads the whole file (every column feeds an aggregate, so
// none is skipped) in its own process, for a whole-process figure beside the CLI's.
const file = process.argv[2]
if (!file) throw new Error('usage: duckdbReadCsv FILE')
const instance = await DuckDBInstance.create(':memory:')
const connection = await instance.connect()
const path = `'${file.replaceAll("'", "''")}'`
const reader = await connection.runAndReadAll(
  `SELECT count(*), max(session_id), max(scenario), avg(duration_sec), avg(latency_p50_ms),
     avg(latency_p95_ms), avg(interruptions), avg(turns), max(sentiment), max(model),
     count_if(rag_used), max(language) FROM read_csv(${path})`
)
const rows = Number(reader.getRows()[0]![0])
connection.closeSync()
instance.closeSync()
console.log(JSON.stringify({ rows }))
