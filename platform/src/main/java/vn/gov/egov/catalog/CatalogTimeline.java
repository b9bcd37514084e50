package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live versions of one catalog's entries in memory, where a change is tried before it is written: setting an
 * entry's content over a period trims the versions it overlaps, retiring closes them; nothing is updated in place.
 */
final class CatalogTimeline {

    static final class Version {
        final Long id;
        final CatalogEntry entry;

        Version(Long id, CatalogEntry entry) {
            this.id = id;
            this.entry = entry;
        }
    }

    private static final Comparator<Version> BY_START = Comparator.comparing(v -> v.entry.validFrom());

    private final Map<String, List<Version>> byCode = new HashMap<>();
    private final Set<Long> superseded = new LinkedHashSet<>();
    private final Set<Version> inserted = new LinkedHashSet<>();

    CatalogTimeline(List<Version> live) {
        live.forEach(v -> byCode.computeIfAbsent(v.entry.code(), c -> new ArrayList<>()).add(v));
        byCode.values().forEach(list -> list.sort(BY_START));
    }

    /** Sets the entry's content over its period; returns false when that is already so. */
    boolean put(CatalogEntry entry) {
        List<Version> versions = byCode.computeIfAbsent(entry.code(), c -> new ArrayList<>());
        // already so: a version with the same content that starts no later and ends at the same time
        boolean unchanged = versions.stream().anyMatch(v -> !v.entry.validFrom().isAfter(entry.validFrom())
                && java.util.Objects.equals(v.entry.validTo(), entry.validTo()) && v.entry.sameContentAs(entry));
        if (unchanged) {
            return false;
        }
        List<Version> next = new ArrayList<>();
        for (Version v : versions) {
            if (!overlaps(v.entry, entry.validFrom(), entry.validTo())) {
                next.add(v);
                continue;
            }
            drop(v);
            if (v.entry.validFrom().isBefore(entry.validFrom())) {
                next.add(add(v.entry.during(v.entry.validFrom(), entry.validFrom())));
            }
            if (entry.validTo() != null && (v.entry.validTo() == null || entry.validTo().isBefore(v.entry.validTo()))) {
                next.add(add(v.entry.during(entry.validTo(), v.entry.validTo())));
            }
        }
        next.add(add(entry));
        next.sort(BY_START);
        byCode.put(entry.code(), next);
        return true;
    }

    /** Ends every version of the entry on {@code on}; returns false when nothing applied on or after that date. */
    boolean retire(String code, LocalDate on) {
        List<Version> versions = byCode.getOrDefault(code, List.of());
        List<Version> next = new ArrayList<>();
        boolean changed = false;
        for (Version v : versions) {
            if (!overlaps(v.entry, on, null)) {
                next.add(v);
                continue;
            }
            changed = true;
            drop(v);
            if (v.entry.validFrom().isBefore(on)) {
                next.add(add(v.entry.during(v.entry.validFrom(), on)));
            }
        }
        byCode.put(code, next);
        return changed;
    }

    boolean exists(String code) {
        return !byCode.getOrDefault(code, List.of()).isEmpty();
    }

    Optional<CatalogEntry> at(String code, LocalDate date) {
        return byCode.getOrDefault(code, List.of()).stream().map(v -> v.entry).filter(e -> e.isValidOn(date)).findFirst();
    }

    List<CatalogEntry> versions(String code) {
        return byCode.getOrDefault(code, List.of()).stream().map(v -> v.entry).toList();
    }

    List<CatalogEntry> all() {
        return byCode.values().stream().flatMap(List::stream).map(v -> v.entry).toList();
    }

    /** Whether the entry exists without a gap over the whole of [from, to) ({@code to == null}: for ever). */
    boolean covers(String code, LocalDate from, LocalDate to) {
        LocalDate reached = from;
        for (Version v : byCode.getOrDefault(code, List.of())) {
            if (v.entry.validFrom().isAfter(reached)) {
                return false;
            }
            if (v.entry.validTo() == null) {
                return true;
            }
            if (v.entry.validTo().isAfter(reached)) {
                reached = v.entry.validTo();
            }
            if (to != null && !reached.isBefore(to)) {
                return true;
            }
        }
        return false;
    }

    Set<Long> supersededIds() {
        return superseded;
    }

    List<CatalogEntry> insertedEntries() {
        return inserted.stream().map(v -> v.entry).toList();
    }

    private Version add(CatalogEntry entry) {
        Version version = new Version(null, entry);
        inserted.add(version);
        return version;
    }

    private void drop(Version version) {
        if (version.id != null) {
            superseded.add(version.id);
        } else {
            inserted.remove(version);
        }
    }

    static boolean overlaps(CatalogEntry entry, LocalDate from, LocalDate to) {
        boolean startsBeforeEnd = to == null || entry.validFrom().isBefore(to);
        boolean endsAfterStart = entry.validTo() == null || entry.validTo().isAfter(from);
        return startsBeforeEnd && endsAfterStart;
    }
}
