package vn.gov.egov.procedure;

/** A fee or charge in VND; an amount of 0 is free of charge ("Miễn phí"). */
public record Fee(String name, long amount, String note) {

    public boolean free() {
        return amount == 0;
    }
}
