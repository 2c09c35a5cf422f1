package pocket.plot;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Table cells as people write numbers: no exponent form for sums of weights. */
class TablesTest {
    @Test void bigSumsOfWeightsReadAsPeopleWriteThem() {
        assertEquals("64.85 M", Tables.formatNumber(6.4854912345e7));
        assertEquals("1.235 G", Tables.formatNumber(1.2345678912e9));
        assertEquals("648549", Tables.formatNumber(648549.2));
        assertEquals("10.7500", Tables.formatNumber(10.75));
        assertEquals("13698", Tables.formatNumber(13698));
        assertEquals("0.123457", Tables.formatNumber(0.1234567));
        assertEquals("1.234e-05", Tables.formatNumber(1.2341e-5));
    }
}
