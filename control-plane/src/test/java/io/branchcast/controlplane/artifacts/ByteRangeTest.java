package io.branchcast.controlplane.artifacts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Range headers against a 1000-byte payload: "first-last", "all" (header ignored) or "416". */
class ByteRangeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "bytes=0-99       | 0-99",
            "bytes=990-       | 990-999",
            "bytes=-10        | 990-999",
            "bytes=-5000      | 0-999",
            "bytes=500-5000   | 500-999",
            "bytes=999-999    | 999-999",
            "bytes=1000-      | 416",
            "bytes=1000-2000  | 416",
            "bytes=-0         | 416",
            "bytes=5-3        | all",
            "bytes=0-1,5-6    | all",
            "items=0-1        | all",
            "bytes=-          | all",
            "bytes=x-1        | all",
            "null             | all"})
    void servesOneRangeOrTheWholePayload(String header, String expected) {
        if (expected.equals("416")) {
            assertThatThrownBy(() -> ByteRange.parse(header, 1000)).isInstanceOf(ByteRange.NotSatisfiable.class);
            return;
        }
        assertThat(ByteRange.parse(header, 1000).map(r -> r.first() + "-" + r.last()).orElse("all")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10, 19, bytes 10-19/1000", "0, 999, bytes 0-999/1000"})
    void formatsContentRange(long first, long last, String expected) {
        assertThat(new ByteRange(first, last).contentRange(1000)).isEqualTo(expected);
    }
}
