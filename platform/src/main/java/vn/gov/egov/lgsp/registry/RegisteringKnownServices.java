package vn.gov.egov.lgsp.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At every start, registers what the LGSP always carries (idempotent: what exists is kept, a changed endpoint or
 * description is taken over): the platform's own shared e-catalogs (read only) provided by the Department of
 * Science and Technology, and the national systems of {@link NationalServices}, all published.
 */
@Component
@ConditionalOnProperty(name = "egov.lgsp.registry.register-known-services", havingValue = "true", matchIfMissing = true)
class RegisteringKnownServices {

    private static final Logger log = LoggerFactory.getLogger(RegisteringKnownServices.class);
    private static final String REASON = "Đăng ký sẵn khi khởi động nền tảng";

    record Known(ServiceAddress address, String memberName, MemberKind kind, String agencyCode, String subsystemName,
                 String name, String description, String owner, SecurityLevel level, String sla, String endpointProperty,
                 String endpointSuffix, String document) {
    }

    static final List<Known> KNOWN = List.of(
            new Known(PlatformServices.CATALOG, "Sở Khoa học và Công nghệ", MemberKind.PROVINCIAL_AGENCY, PlatformServices.MEMBER,
                    "Danh mục điện tử dùng chung", "Danh mục điện tử dùng chung (chỉ đọc)",
                    "Các danh mục dùng chung của tỉnh: đơn vị hành chính, cơ quan, lĩnh vực thủ tục…, có phiên bản theo ngày hiệu lực; "
                            + "sự kiện thay đổi danh mục được phát qua LGSP.",
                    "Sở Khoa học và Công nghệ", SecurityLevel.PUBLIC, "Giờ hành chính; dữ liệu cập nhật ngay khi danh mục thay đổi",
                    "egov.lgsp.registry.platform-base-url", "/api/v1/catalogs", "danh-muc.yaml"),
            new Known(NationalServices.POPULATION, "Bộ Công an", MemberKind.NATIONAL_SYSTEM, null,
                    "CSDL quốc gia về dân cư", "Tra cứu, xác minh thông tin công dân",
                    "Xác minh và đọc thông tin công dân theo số định danh cá nhân (qua NDXP).",
                    "Trung tâm dữ liệu quốc gia về dân cư – Bộ Công an", SecurityLevel.CONFIDENTIAL, "24/7 theo cam kết của NDXP",
                    "egov.national.population.base-url", "", "cong-dan.yaml"),
            new Known(NationalServices.BUSINESS_REGISTRY, "Bộ Tài chính", MemberKind.NATIONAL_SYSTEM, null,
                    "CSDL quốc gia về đăng ký doanh nghiệp", "Tra cứu doanh nghiệp theo mã số thuế",
                    "Thông tin đăng ký doanh nghiệp theo mã số thuế (qua NDXP).",
                    "Cục Quản lý đăng ký kinh doanh – Bộ Tài chính", SecurityLevel.INTERNAL, "24/7 theo cam kết của NDXP",
                    "egov.national.business-registry.base-url", "", "doanh-nghiep.yaml"),
            new Known(NationalServices.PROCEDURES, "Văn phòng Chính phủ", MemberKind.NATIONAL_SYSTEM, null,
                    "CSDL quốc gia về thủ tục hành chính", "Đồng bộ danh mục thủ tục hành chính",
                    "Các thủ tục hành chính công bố trên CSDL quốc gia, để đồng bộ danh mục thủ tục của tỉnh.",
                    "Cục Kiểm soát thủ tục hành chính – Văn phòng Chính phủ", SecurityLevel.PUBLIC, "Giờ hành chính",
                    "egov.national.procedures.base-url", "", "thu-tuc.yaml"),
            new Known(NationalServices.NATIONAL_PORTAL, "Văn phòng Chính phủ", MemberKind.NATIONAL_SYSTEM, null,
                    "Cổng Dịch vụ công quốc gia", "Tiếp nhận và đồng bộ trạng thái hồ sơ",
                    "Hồ sơ nộp trên Cổng Dịch vụ công quốc gia chuyển về tỉnh; tỉnh xác nhận và báo cáo trạng thái xử lý.",
                    "Văn phòng Chính phủ", SecurityLevel.CONFIDENTIAL, "24/7 theo cam kết của Cổng DVCQG",
                    "egov.national.portal.base-url", "", "ho-so.yaml"),
            new Known(NationalServices.PAYGOV, "Văn phòng Chính phủ", MemberKind.NATIONAL_SYSTEM, null,
                    "Nền tảng thanh toán PayGov", "Tra cứu giao dịch và đối soát thanh toán",
                    "Trạng thái giao dịch của đơn hàng và tệp đối soát hằng ngày; mọi thông điệp ký HMAC.",
                    "Văn phòng Chính phủ", SecurityLevel.CONFIDENTIAL, "24/7",
                    "egov.national.paygov.base-url", "", "thanh-toan.yaml"),
            new Known(NationalServices.VNPOST, "Tổng công ty Bưu điện Việt Nam", MemberKind.NATIONAL_SYSTEM, null,
                    "Bưu chính công ích", "Nhận hồ sơ và trả kết quả qua bưu chính",
                    "Hồ sơ thủ tục gửi qua bưu chính, xác nhận nhận hồ sơ, gửi kết quả giải quyết tới người dân.",
                    "Tổng công ty Bưu điện Việt Nam", SecurityLevel.CONFIDENTIAL, "Giờ làm việc của bưu cục",
                    "egov.national.vnpost.base-url", "", "buu-chinh.yaml"));

    private final ManagingRegistry registry;
    private final Environment environment;

    RegisteringKnownServices(ManagingRegistry registry, Environment environment) {
        this.registry = registry;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerKnownServices() {
        for (Known known : KNOWN) {
            try {
                register(known);
            } catch (RuntimeException e) {
                // a bad property must not stop the platform; the operator sees the service missing or stale
                log.warn("LGSP registry: could not register {}: {}", known.address(), e.getMessage());
            }
        }
    }

    void register(Known known) {
        String base = environment.getProperty(known.endpointProperty());
        if (base == null || base.isBlank()) {
            log.info("LGSP registry: {} not set, {} not registered", known.endpointProperty(), known.address());
            return;
        }
        String endpoint = strip(base.strip()) + known.endpointSuffix();
        String document = document(known.document());
        ServiceAddress address = known.address();
        if (registry.member(address.provider()).isEmpty()) {
            registry.registerMember(address.provider(), known.memberName(), known.kind(), known.agencyCode());
        }
        if (registry.subsystem(address.provider(), address.subsystem()).isEmpty()) {
            registry.registerSubsystem(address.provider(), address.subsystem(), known.subsystemName(), null);
        }
        var existing = registry.service(address);
        if (existing.isPresent()) {
            registry.refreshEndpointAndDocument(existing.get().id(), endpoint, document);
            return;
        }
        RegisteredService service = registry.registerService(ServiceDraft.of(address, Protocol.REST, known.name(), endpoint)
                .withDescription(known.description(), known.owner(), known.sla())
                .withSecurity(known.level(), false)
                .withDocument(document));
        registry.changeState(service.id(), ServiceState.PUBLISHED, REASON);
        log.info("LGSP registry: registered {} at {}", address, endpoint);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String document(String name) {
        try (InputStream in = new ClassPathResource("lgsp/registry/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
