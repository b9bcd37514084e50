package vn.gov.national.simulator;

import java.util.List;
import org.springframework.stereotype.Component;

/** The national systems this simulator stands in for; each one's services arrive with the issue that needs them. */
@Component
class SimulatedSystems {

    /** {@code path}: where the simulated system serves (its page, or its API when it has no page); null while planned. */
    record SimulatedSystem(String code, String name, String status, String path) {
    }

    List<SimulatedSystem> all() {
        return List.of(
                new SimulatedSystem("ndxp", "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)", "planned", null),
                new SimulatedSystem("population", "CSDL quốc gia về dân cư", "available", "/population/api/citizens/{personalId}"),
                new SimulatedSystem("business-registry", "CSDL quốc gia về đăng ký doanh nghiệp", "available",
                        "/business-registry/api/enterprises/{taxCode}"),
                new SimulatedSystem("national-portal", "Cổng Dịch vụ công quốc gia", "available", "/national-portal"),
                new SimulatedSystem("paygov", "Nền tảng thanh toán PayGov", "available", "/paygov"),
                new SimulatedSystem("vnpost", "Bưu chính công ích VNPost", "available", "/vnpost/api/province/deliveries"),
                new SimulatedSystem("sms", "Cổng gửi tin nhắn SMS", "available", "/sms"),
                new SimulatedSystem("vneid", "Định danh điện tử VNeID", "available", "/vneid"),
                new SimulatedSystem("procedures", "CSDL quốc gia về thủ tục hành chính", "available", "/national-procedures/api/procedures"),
                new SimulatedSystem("document-backbone", "Trục liên thông văn bản quốc gia", "available", "/document-backbone/api/packages"));
    }
}
