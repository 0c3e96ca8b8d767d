/**
 * Tablesaw glue: tables from named columns, results and loss-history tables, CSV loading from
 * {@code data/} with file-and-line errors, and escaped HTML rendering for notebooks.
 *
 * <p>This is where the lectures' numbers are put side by side (method, setting, metric) and where
 * data files are read; no time variable, no formulas of the lectures. Doubles in a table must be
 * finite (a NaN in a results table is a bug upstream). Uses {@code genflow.math} (checks) only. The
 * rows below are the small rules the package implements itself.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Rules, the methods that implement them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">rule</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>numbers: integers exactly, else 4 significant digits, plain for 1e-3 ≤ |v| &lt; 1e6, scientific otherwise</td>
 *     <td>{@link genflow.table.Tables#formatNumber(double)}</td>
 *     <td>{@code TablesTest.numberFormatting}</td>
 *     <td>strings by hand (3, 0.3333, 1235, −0.001, 2.500e-07, 1.235e+06)</td></tr>
 * <tr><td>HTML: escaped caption, header and cells, numeric cells of class {@code num}, at most maxRows rows with a note</td>
 *     <td>{@link genflow.table.Tables#html(tech.tablesaw.api.Table, int)}, {@link genflow.table.Tables#escape(String)}</td>
 *     <td>{@code TablesTest.htmlIsARealEscapedTableWithARowLimit}</td>
 *     <td>the expected markup by hand (a script tag is escaped, the fourth row cut off)</td></tr>
 * <tr><td>CSV (RFC 4180): every record has as many fields as the header, quotes closed; errors name file:line</td>
 *     <td>{@link genflow.table.Tables#readCsv(java.nio.file.Path)}, {@link genflow.table.Tables#dataFile(String)}</td>
 *     <td>{@code TablesTest.readsCsvAndReportsMalformedLines}</td>
 *     <td>quoted commas, escaped quotes and line breaks parsed; the faulty line numbers by hand</td></tr>
 * <tr><td>typed columns of equal length; results rows with unique keys; loss history (step, loss)</td>
 *     <td>{@link genflow.table.Tables#builder(String)}, {@link genflow.table.Tables#results(String, String, String...)},
 *         {@link genflow.table.Tables#lossHistory(double[])}</td>
 *     <td>{@code TablesTest.builderMakesTypedColumnsAndChecksLengths}, {@code .resultsAndLossHistory}</td>
 *     <td>column types, values and error messages by hand</td></tr>
 * </tbody>
 * </table>
 */
package genflow.table;
