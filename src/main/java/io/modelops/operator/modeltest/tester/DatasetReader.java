package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CSV test dataset (UTF-8, a header row, comma-separated, RFC 4180 quoting) within fixed
 * limits, so a dataset that is too large fails the checks with a sentence instead of exhausting the
 * tester's memory.
 *
 * <p>A byte order mark at the start is ignored. A column whose non-empty cells are all JSON numbers
 * is sent as numbers; any other column as strings (so {@code 02134} stays a string, and a column is
 * never half numbers, half strings). An empty (or blank) cell is sent as null.
 */
public final class DatasetReader {
  /** The largest dataset file read, in bytes. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  /** The most data rows read (the header not counted). */
  public static final int MAX_ROWS = 10_000;

  /** The most columns a dataset may have. */
  public static final int MAX_COLUMNS = 1_000;

  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private static final CsvMapper CSV = new CsvMapper();
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private DatasetReader() {}

  /** Reads {@code file}; {@code nonFeatures} are the columns not sent to the model. */
  public static Dataset read(Path file, Set<String> nonFeatures) throws DatasetException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new DatasetException("The dataset file " + name + " does not exist.");
    } catch (IOException e) {
      throw new DatasetException("The dataset file " + name + " cannot be read.");
    }
    if (size > MAX_BYTES) {
      throw new DatasetException(
          "The dataset "
              + name
              + " has "
              + size
              + " bytes; the tester reads at most "
              + MAX_BYTES
              + " bytes: test with a sample of the data.");
    }
    List<String> header = null;
    List<String[]> cells = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> it =
            CSV.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(reader)) {
      while (it.hasNext()) {
        String[] line = it.next();
        if (header == null) {
          if (line.length > 0 && line[0].startsWith(BYTE_ORDER_MARK)) {
            // Spreadsheets often save UTF-8 CSV with a byte order mark; it is not in the name.
            line[0] = line[0].substring(1);
          }
          header = Arrays.stream(line).map(String::trim).toList();
          checkHeader(name, header);
          continue;
        }
        if (cells.size() == MAX_ROWS) {
          throw new DatasetException(
              "The dataset "
                  + name
                  + " has more than "
                  + MAX_ROWS
                  + " rows; the tester reads at most "
                  + MAX_ROWS
                  + ": test with a sample of the data.");
        }
        if (line.length != header.size()) {
          throw new DatasetException(
              "Row "
                  + (cells.size() + 1)
                  + " of the dataset has "
                  + line.length
                  + " values but the header names "
                  + header.size()
                  + " columns.");
        }
        cells.add(line);
      }
    } catch (IOException | RuntimeException e) {
      throw new DatasetException(
          "The dataset " + name + " is not a readable UTF-8 CSV file with a header row.");
    }
    if (header == null) {
      throw new DatasetException("The dataset " + name + " is empty: it needs a header row.");
    }
    if (cells.isEmpty()) {
      throw new DatasetException("The dataset " + name + " has a header row but no data rows.");
    }
    return Dataset.of(header, typed(header.size(), cells), nonFeatures);
  }

  private static void checkHeader(String name, List<String> header) throws DatasetException {
    if (header.size() > MAX_COLUMNS) {
      throw new DatasetException(
          "The dataset "
              + name
              + " has "
              + header.size()
              + " columns; at most "
              + MAX_COLUMNS
              + " are read.");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      if (column.isEmpty()) {
        throw new DatasetException(
            "Column " + (i + 1) + " of the dataset " + name + " has no name in the header row.");
      }
      if (!seen.add(column)) {
        throw new DatasetException(
            "The dataset " + name + " names the column " + column + " twice in its header row.");
      }
    }
  }

  private static List<List<Object>> typed(int columns, List<String[]> cells) {
    boolean[] numeric = new boolean[columns];
    Arrays.fill(numeric, true);
    for (String[] row : cells) {
      for (int c = 0; c < columns; c++) {
        String v = row[c].trim();
        if (numeric[c] && !v.isEmpty() && !JSON_NUMBER.matcher(v).matches()) {
          numeric[c] = false;
        }
      }
    }
    List<List<Object>> rows = new ArrayList<>(cells.size());
    for (String[] row : cells) {
      List<Object> values = new ArrayList<>(columns);
      for (int c = 0; c < columns; c++) {
        String v = row[c];
        if (v.isBlank()) {
          values.add(null);
        } else if (numeric[c]) {
          values.add(new BigDecimal(v.trim()));
        } else {
          values.add(v);
        }
      }
      rows.add(values);
    }
    return rows;
  }
}
