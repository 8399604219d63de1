package io.drsuite.cli.output;

import java.util.List;

/** A plain text table: bold headers, columns as wide as their widest cell, two spaces apart. */
final class Table {

    private Table() {
    }

    static void print(Terminal terminal, List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < headers.size(); column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder header = new StringBuilder();
        for (int column = 0; column < headers.size(); column++) {
            header.append(column == headers.size() - 1 ? headers.get(column)
                    : Printer.pad(headers.get(column), widths[column]) + "  ");
        }
        terminal.out().println(terminal.bold(header.toString().stripTrailing()));
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                line.append(column == row.size() - 1 ? row.get(column) : Printer.pad(row.get(column), widths[column]) + "  ");
            }
            terminal.out().println(line.toString().stripTrailing());
        }
    }
}
