package vn.gov.egov.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.identity.Role;
import vn.gov.egov.procedure.Procedure;

/**
 * The two routes administrators start from, their times shared out of the procedure's processing time: reception
 * half a day (at most a tenth of the whole), appraisal the largest share.
 */
@Component
class RouteTemplates {

    static final String RECEIVING = "${receivingAgency}";
    static final String DECIDING = "${decidingAgency}";
    /** The demonstration decision table: which agency decides, by the applicant's commune or ward. */
    static final String DECIDING_AGENCY_DECISION = "co-quan-quyet-dinh";

    private record Share(String name, StepKind kind, Role role, String unit, double weight) {
    }

    private final CheckingBpmn checking;
    private final WorkingCalendar calendar;

    RouteTemplates(CheckingBpmn checking, WorkingCalendar calendar) {
        this.checking = checking;
        this.calendar = calendar;
    }

    /** One agency: one-stop desk, specialist, division head, leader, clerk, one-stop desk. */
    RouteForm singleAgency(Procedure procedure, String agencyCode) {
        return form(procedure, agencyCode, "Quy trình một cơ quan: " + procedure.name(), null, List.of(
                new Share("Tiếp nhận, chuyển hồ sơ", StepKind.RECEIVE, Role.ONE_STOP_OFFICER, RECEIVING, 0),
                new Share("Thụ lý, thẩm định hồ sơ", StepKind.APPRAISE, Role.SPECIALIST, RECEIVING, 0.55),
                new Share("Lãnh đạo phòng xem xét, trình", StepKind.REVIEW, Role.DIVISION_HEAD, RECEIVING, 0.15),
                new Share("Lãnh đạo cơ quan phê duyệt, ký", StepKind.APPROVE, Role.AGENCY_LEADER, RECEIVING, 0.15),
                new Share("Văn thư vào số, đóng dấu", StepKind.ISSUE, Role.CLERK, RECEIVING, 0.05),
                new Share("Trả kết quả", StepKind.RETURN, Role.ONE_STOP_OFFICER, RECEIVING, 0.10)));
    }

    /** Inter-agency: the commune receives and returns, the agency a decision names appraises and approves. */
    RouteForm interAgency(Procedure procedure, String agencyCode, String decisionKey) {
        return form(procedure, agencyCode, "Quy trình liên thông: " + procedure.name(),
                decisionKey == null ? DECIDING_AGENCY_DECISION : decisionKey, List.of(
                new Share("Một cửa cấp xã tiếp nhận, chuyển hồ sơ", StepKind.RECEIVE, Role.ONE_STOP_OFFICER, RECEIVING, 0),
                new Share("Chuyên viên cơ quan giải quyết thụ lý, thẩm định", StepKind.APPRAISE, Role.SPECIALIST, DECIDING, 0.6),
                new Share("Lãnh đạo phòng xem xét, trình", StepKind.REVIEW, Role.DIVISION_HEAD, DECIDING, 0.15),
                new Share("Lãnh đạo cơ quan giải quyết phê duyệt, ký", StepKind.APPROVE, Role.AGENCY_LEADER, DECIDING, 0.15),
                new Share("Một cửa cấp xã trả kết quả", StepKind.RETURN, Role.ONE_STOP_OFFICER, RECEIVING, 0.10)));
    }

    private RouteForm form(Procedure procedure, String agencyCode, String name, String decisionKey, List<Share> shares) {
        Duration dayLength = calendar.workingDayLength();
        long total = checking.legalTime(procedure.processingTime()).toMinutes();
        // half days for long procedures, half hours for short ones, six minutes for a few hours
        long grain = total >= 4 * dayLength.toMinutes() ? dayLength.toMinutes() / 2 : total >= 6 * 60 ? 30 : 6;
        long receive = Math.max(grain, floor(Math.min(dayLength.toMinutes() / 2, total / 10), grain));
        long rest = total - receive;
        long[] minutes = new long[shares.size()];
        minutes[0] = receive;
        long used = receive;
        int largest = 1;
        for (int i = 1; i < shares.size(); i++) {
            minutes[i] = Math.max(grain, floor((long) (rest * shares.get(i).weight()), grain));
            used += minutes[i];
            if (shares.get(i).weight() > shares.get(largest).weight()) {
                largest = i;
            }
        }
        // what rounding left over goes to the largest share, so that the steps add up to the processing time
        minutes[largest] += total - used;
        List<RouteForm.Step> steps = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            steps.add(new RouteForm.Step(share.name(), share.kind().name(), share.role().name(), share.unit(),
                    StepTime.format(Duration.ofMinutes(minutes[i]), dayLength)));
        }
        return new RouteForm(procedure.code(), agencyCode, name.length() > 300 ? name.substring(0, 299) + "…" : name, decisionKey, steps);
    }

    private static long floor(long value, long grain) {
        return value / grain * grain;
    }
}
