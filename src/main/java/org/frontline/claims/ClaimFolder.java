package org.frontline.claims;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the repeated reports of one claim into one: newspapers repeat "Russia says it has taken 420 sq km" for
 * days, and a chart of territory changing hands must not count it twenty times.
 *
 * <p>The rule: reports of the same quantity, kind, actor and region (the caller groups by those) belong to one
 * claim when their values agree within a relative {@code tolerance} and they were published within
 * {@code windowDays} of each other; the relation is closed transitively, so a chain of reports, each close to
 * the previous one (A ≈ B, B ≈ C), is one claim even if A and C are further apart. Values that differ more, or
 * reports further apart in time with no report between them, are separate claims.
 */
public final class ClaimFolder {
    private ClaimFolder() {
    }

    /** One report of a figure: where and when it was published, who claims it, its values. */
    public record Report(String articleId, int charBegin, LocalDate date, String source, String claimant,
                         double valueMin, double valueMax, String regionName) {
    }

    /** Whether two values agree within a relative tolerance. */
    static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
    }

    /** The claims the reports of one key make: groups of reports, each in date order, the groups by first date. */
    public static List<List<Report>> fold(List<Report> reports, double tolerance, int windowDays) {
        List<Report> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(Report::date).thenComparing(Report::articleId).thenComparingInt(Report::charBegin));
        int[] parent = new int[sorted.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int j = 0; j < sorted.size(); j++) {
            Report b = sorted.get(j);
            for (int i = j - 1; i >= 0; i--) {
                Report a = sorted.get(i);
                if (ChronoUnit.DAYS.between(a.date(), b.date()) > windowDays) {
                    break; // sorted by date: every earlier report is further away still
                }
                if (close(a.valueMin(), b.valueMin(), tolerance) && close(a.valueMax(), b.valueMax(), tolerance)) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<Report>> claims = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            claims.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(sorted.get(i));
        }
        return new ArrayList<>(claims.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb); // the earliest report stays the root
        }
    }
}
