package vn.gov.national.simulator.documentbackbone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * The simulated backbone's memory: packages as sent, which recipient has taken each (status {@code received}), and
 * the status trail every recipient reports back to the sender. In memory: a simulator forgets on restart.
 */
@Component
class DocumentPackages {

    static final Set<String> STATUSES = Set.of("received", "processing", "done", "failed");

    record Status(String organId, String status, String note, Instant at) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("organId", organId);
            json.put("status", status);
            json.put("note", note);
            json.put("at", at.toString());
            return json;
        }
    }

    static final class Package {
        final String id;
        final EdxmlHeader header;
        final byte[] edxml;
        final Instant receivedAt;
        final List<Status> statuses = new ArrayList<>();

        Package(String id, EdxmlHeader header, byte[] edxml, Instant receivedAt) {
            this.id = id;
            this.header = header;
            this.edxml = edxml;
            this.receivedAt = receivedAt;
        }

        boolean takenBy(String organId) {
            return statuses.stream().anyMatch(s -> s.organId().equals(organId));
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("packageId", id);
            json.put("documentId", header.documentId());
            json.put("from", header.from());
            json.put("fromName", header.fromName());
            json.put("to", header.to());
            json.put("codeNumber", header.codeNumber());
            json.put("codeNotation", header.codeNotation());
            json.put("subject", header.subject());
            json.put("signed", header.signed());
            json.put("size", edxml.length);
            json.put("receivedAt", receivedAt.toString());
            return json;
        }
    }

    record Accepted(Package pack, boolean existing) {
    }

    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final Map<String, Package> packages = new LinkedHashMap<>();
    private final Map<String, String> byDocument = new LinkedHashMap<>();

    /** The same document from the same sender twice is the same package (a resend after a lost answer). */
    synchronized Accepted accept(byte[] edxml) {
        EdxmlHeader header = EdxmlHeader.parse(edxml);
        String known = byDocument.get(header.documentId());
        if (known != null) {
            return new Accepted(packages.get(known), true);
        }
        Package pack = new Package(UUID.randomUUID().toString(), header, edxml.clone(), clock.instant());
        packages.put(pack.id, pack);
        byDocument.put(header.documentId(), pack.id);
        return new Accepted(pack, false);
    }

    synchronized List<Map<String, Object>> waitingFor(String organId, int limit) {
        return packages.values().stream().filter(p -> p.header.to().contains(organId) && !p.takenBy(organId))
                .limit(limit).map(Package::toJson).toList();
    }

    synchronized Package get(String packageId) {
        Package pack = packages.get(packageId);
        if (pack == null) {
            throw SimulatorProblem.notFound("unknown-package", "Không có gói tin " + packageId + " trên trục");
        }
        return pack;
    }

    /** A recipient reports a status; the first report ({@code received} or later) takes the package off its waiting list. */
    synchronized Status report(String packageId, String organId, String status, String note) {
        Package pack = get(packageId);
        if (!pack.header.to().contains(organId)) {
            throw SimulatorProblem.conflict("not-recipient", "Cơ quan " + organId + " không phải nơi nhận của gói tin " + packageId);
        }
        Status reported = new Status(organId, status, note, clock.instant());
        pack.statuses.add(reported);
        return reported;
    }

    synchronized List<Map<String, Object>> statuses(String packageId) {
        return get(packageId).statuses.stream().map(Status::toJson).toList();
    }
}
