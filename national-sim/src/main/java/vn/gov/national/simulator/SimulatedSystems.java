package vn.gov.national.simulator;

import java.util.List;
import org.springframework.stereotype.Component;

/** The national systems this simulator stands in for; each one's services arrive with the issue that needs them. */
@Component
class SimulatedSystems {

    record SimulatedSystem(String code, String name, String status) {
    }

    List<SimulatedSystem> all() {
        return List.of(
                new SimulatedSystem("ndxp", "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)", "planned"),
                new SimulatedSystem("population", "CSDL quốc gia về dân cư", "planned"),
                new SimulatedSystem("business-registry", "CSDL quốc gia về đăng ký doanh nghiệp", "planned"),
                new SimulatedSystem("national-portal", "Cổng Dịch vụ công quốc gia", "planned"),
                new SimulatedSystem("paygov", "Nền tảng thanh toán PayGov", "planned"),
                new SimulatedSystem("vnpost", "Bưu chính công ích VNPost", "planned"),
                new SimulatedSystem("vneid", "Định danh điện tử VNeID", "available"),
                new SimulatedSystem("procedures", "CSDL quốc gia về thủ tục hành chính", "available"),
                new SimulatedSystem("document-backbone", "Trục liên thông văn bản quốc gia", "planned"));
    }
}
