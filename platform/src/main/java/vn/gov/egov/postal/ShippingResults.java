package vn.gov.egov.postal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.dossier.DossierActionRefused;
import vn.gov.egov.dossier.DossierDetail;
import vn.gov.egov.dossier.DossierProgress;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;
import vn.gov.egov.dossier.ResultDelivery;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.SealedColumn;
import vn.gov.egov.personaldata.SealedColumn.KeyType;
import vn.gov.egov.personaldata.SealedValueStore;

/**
 * Returns by post the results of dossiers whose applicants asked for them by post: a resolved dossier enters the
 * shipment log (the outbox), VNPost creates the shipment (with the dossier id as reference, so no second one on a
 * retry), and the dossier is returned with the item number. What fails is tried again by {@link #poll()}, which also
 * follows the shipments on their way: accepted, in transit, delivered or returned to the sender.
 */
@Component
class ShippingResults {

    static final String ADDRESS = "postal.postal_shipment.address";
    static final DossierProgress.Actor SYSTEM = new DossierProgress.Actor("vnpost", "Hệ thống (bưu chính công ích)");
    static final int BATCH = 50;
    private static final Set<String> STATES = Set.of("ACCEPTED", "IN_TRANSIT", "DELIVERED", "RETURNED_TO_SENDER");
    private static final Logger LOG = LoggerFactory.getLogger(ShippingResults.class);

    record Result(int shipped, int tracked, int failed) {
    }

    private final DossierProgress progress;
    private final VnpostClient vnpost;
    private final ShipmentLog log;
    private final PersonalDataProtection protection;

    ShippingResults(DossierProgress progress, VnpostClient vnpost, ShipmentLog log, PersonalDataProtection protection) {
        this.progress = progress;
        this.vnpost = vnpost;
        this.log = log;
        this.protection = protection;
    }

    /**
     * Outside a transaction of its own (the dossier's return runs in its own); never throws: the shipment log keeps
     * what is left to do and the poll tries again. Only a resolution gets an event publication for this listener.
     */
    @Async
    @TransactionalEventListener(condition = "#root.args[0].action() == 'RESOLVED'")
    void on(DossierStatusChanged changed) {
        if (changed.action().equals("RESOLVED")) {
            ship(changed.dossierId());
        }
    }

    /** Enters, creates and records the shipment of one dossier as far as it goes now; true when all is done. */
    synchronized boolean ship(UUID dossierId) {
        Instant now = Instant.now();
        try {
            // most results go online or to the desk: the dossier's row says so without reading the whole dossier
            if (progress.brief(dossierId).map(d -> d.resultDelivery() != ResultDelivery.BY_POST).orElse(true)) {
                return true;
            }
            DossierDetail detail = progress.detail(dossierId).orElse(null);
            if (detail == null) {
                return true;
            }
            if (log.find(dossierId).isEmpty()) {
                if (detail.summary().status() != DossierStatus.RESOLVED) {
                    return true;
                }
                log.enter(dossierId, detail.summary().code(), detail.summary().receivingAgency(), detail.summary().applicantName(),
                        protection.seal(ADDRESS, blankToNull(detail.deliveryAddress())), now);
            }
            ShipmentLog.Shipment shipment = log.find(dossierId).orElseThrow();
            DossierStatus status = detail.summary().status();
            if (shipment.itemNumber() == null) {
                if (status != DossierStatus.RESOLVED) {
                    log.cancelled(dossierId, "Kết quả đã được trả theo cách khác trước khi gửi bưu chính", now);
                    return true;
                }
                String address = protection.open(ADDRESS, shipment.addressSealed());
                if (address == null) {
                    log.failed(dossierId, "Hồ sơ không có địa chỉ nhận kết quả: cán bộ một cửa cần liên hệ người nộp", now);
                    return false;
                }
                JsonNode created = vnpost.ship(request(detail, shipment, address));
                String item = created.path("itemNumber").asString("");
                if (item.isBlank()) {
                    log.failed(dossierId, "VNPost không trả về số hiệu bưu gửi", now);
                    return false;
                }
                log.shipped(dossierId, item, state(created.path("state").asString("ACCEPTED")), now);
                shipment = log.find(dossierId).orElseThrow();
                LOG.info("Dossier {}: result shipped by post as {}", shipment.dossierCode(), item);
            }
            if (shipment.returnRecordedAt() == null) {
                if (status == DossierStatus.RESOLVED) {
                    try {
                        progress.returnResult(dossierId, SYSTEM, ResultDelivery.BY_POST, shipment.itemNumber());
                    } catch (DossierActionRefused e) {
                        if (progress.detail(dossierId).map(d -> d.summary().status()).orElse(null) == DossierStatus.RESOLVED) {
                            throw e;
                        }
                    }
                }
                log.returnRecorded(dossierId, Instant.now());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Dossier {}: result shipment not done now, tried again later: {}", dossierId, e.toString());
            if (log.find(dossierId).isPresent()) {
                log.failed(dossierId, "Chưa gửi được qua VNPost: " + e.getMessage(), now);
            }
            return false;
        }
    }

    private static Map<String, Object> request(DossierDetail detail, ShipmentLog.Shipment shipment, String address) {
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("agencyCode", detail.summary().receivingAgency());
        sender.put("agencyName", detail.receivingAgencyName());
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("fullName", shipment.recipientName());
        recipient.put("address", address);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", shipment.dossierId().toString());
        body.put("sender", sender);
        body.put("recipient", recipient);
        body.put("contents", "Kết quả giải quyết thủ tục hành chính, hồ sơ " + shipment.dossierCode());
        return body;
    }

    /** Retries what is left to do, then follows the shipments on their way. Never throws. */
    synchronized Result poll() {
        int shipped = 0;
        int failed = 0;
        for (ShipmentLog.Shipment s : log.unfinished(BATCH)) {
            if (ship(s.dossierId())) {
                shipped++;
            } else {
                failed++;
            }
        }
        int tracked = 0;
        for (ShipmentLog.Shipment s : log.onTheirWay(BATCH)) {
            try {
                JsonNode shipment = vnpost.shipment(s.itemNumber());
                String state = state(shipment.path("state").asString(s.state()));
                log.tracked(s.dossierId(), state, shipment.path("events").toString(), Instant.now());
                tracked++;
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("Shipment {}: tracking not read now: {}", s.itemNumber(), e.toString());
            }
        }
        return new Result(shipped, tracked, failed);
    }

    private static String state(String state) {
        return STATES.contains(state) ? state : "ACCEPTED";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The shipments' sealed addresses, registered so that a key rotation reseals them too. */
    @Configuration(proxyBeanMethods = false)
    static class SealedColumns {

        @Bean
        SealedValueStore postalShipmentAddresses(JdbcClient jdbc) {
            return SealedColumn.of(jdbc, "postal_shipment", "dossier_id", KeyType.UUID,
                    "address_sealed", ADDRESS);
        }
    }
}
