package vn.gov.egov.calendar;

/** The holidays of Labour Code 45/2019/QH14, Art. 112(1), with their Vietnamese and English names. */
enum PublicHoliday {
    NEW_YEAR("Tết Dương lịch", "New Year's Day"),
    LUNAR_NEW_YEAR("Tết Nguyên đán", "Lunar New Year (Tết)"),
    HUNG_KINGS("Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day"),
    VICTORY_DAY("Ngày Chiến thắng", "Victory Day"),
    LABOUR_DAY("Ngày Quốc tế Lao động", "International Labour Day"),
    NATIONAL_DAY("Quốc khánh", "National Day");

    private final String name;
    private final String englishName;

    PublicHoliday(String name, String englishName) {
        this.name = name;
        this.englishName = englishName;
    }

    String vietnamese() {
        return name;
    }

    String english() {
        return englishName;
    }
}
