package com.sladesk.slo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A threshold in a histogram's buckets: the bucket series at or under it ({@code lower}), the next
 * one up ({@code upper}, null when the threshold is a bound), where the threshold lies between
 * them ({@code fraction}), and the {@code +Inf} bucket (every request). A threshold between two
 * bounds is interpolated linearly inside the bucket, as {@code histogram_quantile} does; under the
 * first bound, the bucket is taken to start at 0. {@code lowerBound} equals {@code upperBound}
 * when the threshold is a bound.
 */
record HistogramBounds(PrometheusClient.Series lower, PrometheusClient.Series upper, double fraction,
        PrometheusClient.Series infinity, double lowerBound, double upperBound) {

    /** The threshold is above every finite bound, or the series has no buckets. */
    static class UnknownBound extends PrometheusClient.Rejected {
        UnknownBound(String message) {
            super(message);
        }
    }

    static HistogramBounds of(List<PrometheusClient.Series> buckets, double threshold) throws UnknownBound {
        TreeMap<Double, PrometheusClient.Series> byBound = new TreeMap<>();
        PrometheusClient.Series infinity = null;
        for (PrometheusClient.Series series : buckets) {
            String le = series.labels().get("le");
            if (le == null) {
                continue;
            }
            if (le.equals("+Inf") || le.equals("Inf")) {
                infinity = series;
                continue;
            }
            try {
                byBound.put(Double.parseDouble(le), series);
            }
            catch (NumberFormatException e) {
                // not a bucket bound: ignore the series
            }
        }
        if (infinity == null || byBound.isEmpty()) {
            throw new UnknownBound("the histogram has no buckets with an le label and +Inf");
        }
        if (threshold > byBound.lastKey()) {
            throw new UnknownBound("unknown histogram bound " + threshold + ": the largest finite bound is "
                    + byBound.lastKey() + " (bounds " + byBound.keySet() + ")");
        }
        Map.Entry<Double, PrometheusClient.Series> atOrBelow = byBound.floorEntry(threshold);
        if (atOrBelow != null && atOrBelow.getKey() == threshold) {
            return new HistogramBounds(atOrBelow.getValue(), null, 0, infinity, threshold, threshold);
        }
        Map.Entry<Double, PrometheusClient.Series> above = byBound.higherEntry(threshold);
        double lowerBound = atOrBelow == null ? 0 : atOrBelow.getKey();
        PrometheusClient.Series lower = atOrBelow == null ? zero(above.getValue()) : atOrBelow.getValue();
        return new HistogramBounds(lower, above.getValue(), (threshold - lowerBound) / (above.getKey() - lowerBound),
                infinity, lowerBound, above.getKey());
    }

    /** A series of zeros at the times of {@code like}: the empty bucket under the first bound. */
    private static PrometheusClient.Series zero(PrometheusClient.Series like) {
        Map<Long, Double> zeros = new java.util.LinkedHashMap<>();
        like.samples().keySet().forEach(t -> zeros.put(t, 0.0));
        return new PrometheusClient.Series(Map.of(), zeros);
    }
}
