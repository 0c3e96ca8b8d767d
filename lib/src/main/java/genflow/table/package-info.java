/**
 * Tablesaw glue: tables from named columns, results and loss-history tables, CSV loading from
 * {@code data/} with file-and-line errors, and escaped HTML rendering for notebooks.
 */
package genflow.table;
