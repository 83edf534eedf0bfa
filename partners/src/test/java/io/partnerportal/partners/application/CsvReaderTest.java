package io.partnerportal.partners.application;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    @Test
    void quoted_cells_hold_commas_quotes_and_line_breaks_and_lines_are_counted() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3"));
        assertThat(csv.next()).containsExactly("a", "b", "c");
        assertThat(csv.recordLine()).isEqualTo(1);
        assertThat(csv.next()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(csv.recordLine()).isEqualTo(2);
        assertThat(csv.next()).containsExactly("1", "", "3");
        assertThat(csv.recordLine()).isEqualTo(4);
        assertThat(csv.next()).isNull();
    }

    @Test
    void an_unclosed_quote_is_an_error() {
        CsvReader csv = new CsvReader(new StringReader("a\n\"never closed\n"));
        assertThatThrownBy(() -> {
            csv.next();
            csv.next();
        }).isInstanceOf(CsvReader.CsvError.class).hasMessageContaining("line 2");
    }

    @Test
    void empty_lines_are_single_empty_cells() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("a\n\nb\n"));
        assertThat(csv.next()).isEqualTo(List.of("a"));
        assertThat(csv.next()).isEqualTo(List.of(""));
        assertThat(csv.next()).isEqualTo(List.of("b"));
        assertThat(csv.next()).isNull();
    }
}
