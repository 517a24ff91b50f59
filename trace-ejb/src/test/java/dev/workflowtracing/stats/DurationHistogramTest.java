package dev.workflowtracing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

  @Test
  void bucketsGrowByAQuarterOfADoubling() {
    assertThat(DurationHistogram.bucketOf(0)).isZero();
    assertThat(DurationHistogram.bucketOf(1)).isZero();
    assertThat(DurationHistogram.upperBound(4)).isEqualTo(2);
    assertThat(DurationHistogram.upperBound(40)).isEqualTo(1024);
    // Every duration lands in the bucket whose bounds hold it.
    for (long ms = 2; ms < 100_000; ms += 7) {
      int bucket = DurationHistogram.bucketOf(ms);
      assertThat(DurationHistogram.upperBound(bucket)).isGreaterThanOrEqualTo(ms);
      assertThat(Math.pow(2, (bucket - 1) / 4.0)).isLessThan(ms);
    }
  }

  @Test
  void aPercentileIsTheUpperBoundOfTheBucketOfItsRank() {
    DurationHistogram histogram = new DurationHistogram();
    LongStream.rangeClosed(1, 100).forEach(histogram::add); // 1..100 ms
    // Rank ceil(0.95 * 100) = 95: 95 ms lies in (2^(26/4), 2^(27/4)] = (90.5, 107.6].
    assertThat(histogram.percentile(95)).isEqualTo(108);
    // Rank 50: 50 ms in (2^(22/4), 2^(23/4)] = (45.3, 53.8].
    assertThat(histogram.percentile(50)).isEqualTo(54);
    assertThat(histogram.percentile(99)).isEqualTo(108);
    assertThat(new DurationHistogram().percentile(95)).isNull();
  }

  @Test
  void histogramsAddUpAndSurviveTheirStoredForm() {
    DurationHistogram a = new DurationHistogram();
    a.add(10);
    a.add(1_000);
    DurationHistogram b = DurationHistogram.decode(a.encode());
    b.add(10);
    assertThat(b.count()).isEqualTo(3);
    assertThat(DurationHistogram.decode(b.encode()).encode()).isEqualTo(b.encode());
    assertThat(DurationHistogram.decode("14:2,x:1,999:1,3:-1,").count()).isEqualTo(2);
  }
}
