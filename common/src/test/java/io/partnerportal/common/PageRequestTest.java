package io.partnerportal.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void defaults_to_the_first_page_of_fifty() {
        PageRequest request = PageRequest.of(null, null);
        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(50);
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(60);
    }

    @Test
    void a_size_above_500_is_refused_not_capped() {
        assertThatThrownBy(() -> PageRequest.of(0, 501))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(FieldError::parameter).containsExactly("size");
                });
    }

    @Test
    void negative_pages_and_empty_sizes_are_refused_together() {
        assertThatThrownBy(() -> PageRequest.of(-1, 0))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::parameter).containsExactly("page", "size"));
    }

    @Test
    void json_pointers_escape_slashes_and_tildes() {
        assertThat(JsonPointer.of("properties", "a/b~c")).isEqualTo("/properties/a~1b~0c");
        assertThat(JsonPointer.append("/ids", 3)).isEqualTo("/ids/3");
    }
}
