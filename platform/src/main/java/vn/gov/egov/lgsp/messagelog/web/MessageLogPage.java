package vn.gov.egov.lgsp.messagelog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.gov.egov.lgsp.messagelog.ChainCheck;
import vn.gov.egov.lgsp.messagelog.LogPage;
import vn.gov.egov.lgsp.messagelog.LogRecord;
import vn.gov.egov.lgsp.messagelog.LogSearch;
import vn.gov.egov.lgsp.messagelog.MessageLogQueries;

/** The operators' message log pages: search, one record (bodies for auditors, on demand), chain verification. */
@Controller
@RequestMapping("/lgsp/admin/message-log")
class MessageLogPage {

    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss.SSS")
            .withZone(LogParameters.VIETNAM);

    /** The filters as typed, to fill the form again. */
    record Filters(String requestId, String consumer, String service, String kind, String from, String to,
                   String status, String errorClass) {
    }

    /** A record as the table shows it. */
    record Row(LogRecord record, String at, String isoAt, String detailUrl, String totalMillis, String providerMillis) {

        static Row of(LogRecord r) {
            return new Row(r, MOMENT.format(r.at()), r.at().toString(),
                    "/lgsp/admin/message-log/records/" + r.nodeId() + "/" + r.sequence(),
                    millis(r.totalMicros()), millis(r.providerMicros()));
        }
    }

    static String millis(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private final MessageLogQueries queries;
    private final BodiesReading bodies;

    MessageLogPage(MessageLogQueries queries, BodiesReading bodies) {
        this.queries = queries;
        this.bodies = bodies;
    }

    @GetMapping
    String search(@RequestParam(required = false) String requestId, @RequestParam(required = false) String consumer,
                  @RequestParam(required = false) String service, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String errorClass,
                  @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        Filters filters = new Filters(requestId, consumer, service, kind, from, to, status, errorClass);
        model.addAttribute("filters", filters);
        LogSearch search;
        int pageNumber;
        try {
            search = LogParameters.search(requestId, consumer, service, kind, from, to, status, errorClass);
            pageNumber = LogParameters.page(page);
        } catch (ErrorResponseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filterError", e.getBody().getDetail());
            model.addAttribute("rows", List.of());
            return "lgsp/messagelog/search";
        }
        LogPage found = queries.search(search, pageNumber, LogParameters.DEFAULT_SIZE);
        model.addAttribute("rows", found.records().stream().map(Row::of).toList());
        model.addAttribute("page", pageNumber);
        if (pageNumber > 0) {
            model.addAttribute("previousUrl", url(filters, pageNumber - 1));
        }
        if (found.hasMore()) {
            model.addAttribute("nextUrl", url(filters, pageNumber + 1));
        }
        return "lgsp/messagelog/search";
    }

    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                  HttpServletResponse response) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            Instant start = LogParameters.start("from", from);
            Instant end = LogParameters.end("to", to);
            if (start == null && end == null) {
                start = Instant.now().minusSeconds(86_400);
            }
            if (start != null && end != null && !start.isBefore(end)) {
                throw LogParameters.bad("to", "after-from", "phải sau 'from' (từ ngày).");
            }
            ChainCheck check = queries.verify(start, end);
            model.addAttribute("check", check);
            model.addAttribute("checkFrom", MOMENT.format(check.from()));
            model.addAttribute("checkTo", MOMENT.format(check.to()));
        } catch (ErrorResponseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filterError", e.getBody().getDetail());
        }
        return "lgsp/messagelog/verify";
    }

    @GetMapping("/records/{node}/{sequence}")
    String record(@PathVariable String node, @PathVariable String sequence, Model model) {
        model.addAttribute("row", Row.of(find(node, sequence)));
        return "lgsp/messagelog/record";
    }

    @PostMapping("/records/{node}/{sequence}/bodies")
    String bodies(@PathVariable String node, @PathVariable String sequence, Model model) {
        LogRecord record = find(node, sequence);
        model.addAttribute("row", Row.of(record));
        model.addAttribute("bodies", bodies.open(record).orElse(null));
        return "lgsp/messagelog/record";
    }

    private LogRecord find(String node, String sequence) {
        long number = LogParameters.sequence(sequence);
        return queries.record(node, number).orElseThrow(() -> LogParameters.notFound(node, number));
    }

    private static String url(Filters f, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/lgsp/admin/message-log");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("requestId", f.requestId());
        values.put("consumer", f.consumer());
        values.put("service", f.service());
        values.put("kind", f.kind());
        values.put("from", f.from());
        values.put("to", f.to());
        values.put("status", f.status());
        values.put("errorClass", f.errorClass());
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.queryParam(k, v);
            }
        });
        return url.queryParam("page", page).encode().build().toUriString();
    }
}
