package vn.gov.egov.eform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Field paths as the validator reports them and the fragment names inputs: {@code hoTen}, {@code ben[0].hoTen}. */
final class FieldPaths {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d+)])?");

    private FieldPaths() {
    }

    /** One step of a path: a property name, and the index in it when it is an array. */
    record Step(String name, Integer index) {
    }

    /** @return the steps, or an empty list when the text is not a path */
    static List<Step> parse(String path) {
        List<Step> steps = new ArrayList<>();
        if (path == null || path.isEmpty()) {
            return steps;
        }
        for (String part : path.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                return List.of();
            }
            steps.add(new Step(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
        }
        return steps;
    }

    /** Puts a value at a path, creating the objects and array slots on the way; a path that does not parse is ignored. */
    static void put(ObjectNode root, String path, JsonNode value) {
        List<Step> steps = parse(path);
        if (steps.isEmpty()) {
            return;
        }
        ObjectNode object = root;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step.index() == null) {
                if (last) {
                    object.set(step.name(), value);
                    return;
                }
                JsonNode next = object.get(step.name());
                object = next instanceof ObjectNode o ? o : object.putObject(step.name());
            } else {
                JsonNode existing = object.get(step.name());
                ArrayNode array = existing instanceof ArrayNode a ? a : object.putArray(step.name());
                while (array.size() <= step.index()) {
                    array.addNull();
                }
                if (last) {
                    array.set(step.index(), value);
                    return;
                }
                JsonNode next = array.get(step.index());
                if (!(next instanceof ObjectNode)) {
                    next = array.objectNode();
                    array.set(step.index(), next);
                }
                object = (ObjectNode) next;
            }
        }
    }
}
