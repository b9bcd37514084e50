package vn.gov.national.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Lạng Sơn's commune-level units valid from 2025-07-01 (copy of the reference list), so that every address seeded in
 * the simulator names a unit that exists, with its code.
 */
@Component
public class Communes {

    private final Map<String, String> namesByCode = new LinkedHashMap<>();

    public Communes() {
        ClassPathResource csv = new ClassPathResource("national-sim/admin-units-2025-07.csv");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] columns = line.split(",", -1);
                if (columns.length >= 3 && "2".equals(columns[2])) {
                    namesByCode.put(columns[0], columns[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(namesByCode.get(code));
    }

    /** Throws when the code is not a unit of 2025-07 or the name is not its name. */
    public void requireKnown(String code, String name, String where) {
        String known = namesByCode.get(code);
        if (known == null || !known.equals(name)) {
            throw new IllegalStateException(where + ": commune " + code + " '" + name + "' is not a Lạng Sơn unit of 2025-07"
                    + (known == null ? "" : " (the code is '" + known + "')"));
        }
    }
}
