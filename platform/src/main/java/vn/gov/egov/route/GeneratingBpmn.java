package vn.gov.egov.route;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Writes a route form as BPMN 2.0 following the conventions of this module: start, then the decision service task
 * when there is one, then the user tasks in order, then the end.
 */
@Component
class GeneratingBpmn {

    static final String DECISION_TASK = "decision";

    String bpmn(RouteForm form) {
        String key = processKey(form.procedureCode(), form.agencyCode());
        StringBuilder xml = new StringBuilder(2048);
        xml.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:flowable="http://flowable.org/bpmn"
                             xmlns:egov="%s"
                             targetNamespace="%s/routes">
                  <process id="%s" name="%s" isExecutable="true">
                    <startEvent id="start" name="Bắt đầu"/>
                """.formatted(Routes.NAMESPACE, Routes.NAMESPACE, key, attribute(form.name())));
        String previous = "start";
        int flow = 0;
        if (form.decisionKey() != null) {
            xml.append("    <serviceTask id=\"%s\" name=\"%s\" flowable:delegateExpression=\"${routeDecisions}\" egov:decision=\"%s\"/>\n"
                    .formatted(DECISION_TASK, attribute("Quyết định theo bảng " + form.decisionKey()), attribute(form.decisionKey())));
            xml.append(sequenceFlow(++flow, previous, DECISION_TASK));
            previous = DECISION_TASK;
        }
        int index = 0;
        for (RouteForm.Step step : form.steps()) {
            String id = activityId(++index, step.kind());
            xml.append("    <userTask id=\"%s\" name=\"%s\" flowable:candidateGroups=\"%s\" egov:kind=\"%s\" egov:workingTime=\"%s\"/>\n"
                    .formatted(id, attribute(step.name()), attribute(nullToEmpty(step.role()) + "@" + nullToEmpty(step.unit())),
                            attribute(nullToEmpty(step.kind())), attribute(nullToEmpty(step.workingTime()))));
            xml.append(sequenceFlow(++flow, previous, id));
            previous = id;
        }
        xml.append("    <endEvent id=\"end\" name=\"Kết thúc\"/>\n");
        xml.append(sequenceFlow(++flow, previous, "end"));
        xml.append("  </process>\n</definitions>\n");
        return xml.toString();
    }

    /** The BPMN process id of a procedure's route (an XML name, unique per procedure and agency). */
    static String processKey(String procedureCode, String agencyCode) {
        return "route_" + identifier(procedureCode) + (agencyCode == null ? "" : "__" + identifier(agencyCode));
    }

    static String activityId(int index, String kind) {
        String suffix = kind == null ? "" : "_" + kind.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "step" + index + suffix;
    }

    private static String sequenceFlow(int n, String from, String to) {
        return "    <sequenceFlow id=\"flow%d\" sourceRef=\"%s\" targetRef=\"%s\"/>\n".formatted(n, from, to);
    }

    private static String identifier(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    static String attribute(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (c >= 0x20) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
