package vn.gov.egov.processing;

import java.util.EnumSet;
import java.util.Set;
import vn.gov.egov.route.StepKind;

/** What an official can decide on the step they hold. */
enum Decision {
    FORWARD("Chuyển bước tiếp theo"),
    RETURN("Trả lại bước trước"),
    REQUEST_SUPPLEMENT("Yêu cầu bổ sung hồ sơ"),
    PROPOSE_REFUSAL("Đề xuất từ chối"),
    APPROVE("Phê duyệt"),
    REFUSE("Từ chối giải quyết"),
    COMPLETE("Hoàn thành");

    private final String vietnameseName;

    Decision(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    /** The decisions a step of this kind allows (before checking that there is a step to return to). */
    static Set<Decision> allowedFor(StepKind kind) {
        if (kind == null) {
            return EnumSet.of(FORWARD, RETURN);
        }
        return switch (kind) {
            case RECEIVE -> EnumSet.of(FORWARD, REQUEST_SUPPLEMENT);
            case APPRAISE, REVIEW -> EnumSet.of(FORWARD, RETURN, REQUEST_SUPPLEMENT, PROPOSE_REFUSAL);
            case APPROVE -> EnumSet.of(APPROVE, REFUSE, RETURN);
            case ISSUE -> EnumSet.of(FORWARD, RETURN);
            case RETURN -> EnumSet.of(COMPLETE);
        };
    }

    static Decision parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
