package vn.gov.egov.eform;

/**
 * One line of a filled form as people read it: a field's label and its value as a person writes it (dates dd/MM/yyyy,
 * amounts grouped by thousands, an option by its title, yes or no for a tick box), or a group's or a list row's title
 * with an empty value and its fields one level deeper.
 */
public record FormLine(String label, String value, int depth) {
}
