package gr.solidarity.ledger.query.opendata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Greek Grid columns land within 2 m of reference points converted independently of proj4j: the WGS84 → ΕΓΣΑ87
 * pairs of the test of the public converter in npetalid/Datamars
 * (app/src/test/java/gr/petalidis/datamars/inspections/utilities/WGS84ConverterTest.java, Apache License 2.0),
 * which implements the Helmert shift and transverse Mercator of ΕΓΣΑ87 by hand.
 */
class GreekGridTest {

    @Test
    void athensLandsWithinTwoMetresOfItsReferenceGreekGridPoint() {
        assertWithinTwoMetres(37.993224, 23.722582, 475492.25132546, 4204811.9599447);
    }

    @Test
    void heraklionLandsWithinTwoMetresOfItsReferenceGreekGridPoint() {
        assertWithinTwoMetres(35.327057, 25.123312, 601948.21700142, 3909603.4575964);
    }

    @Test
    void corfuFarFromTheCentralMeridianLandsWithinTwoMetresToo() {
        assertWithinTwoMetres(39.623892, 19.911384, 148882.67195731, 4393720.9466596);
    }

    private static void assertWithinTwoMetres(double latitude, double longitude, double easting, double northing) {
        double[] projected = GreekGrid.fromWgs84(latitude, longitude);
        double distance = Math.hypot(projected[0] - easting, projected[1] - northing);
        assertThat(distance).as("metres from the reference point, got %s", java.util.Arrays.toString(projected))
                .isLessThan(2.0);
    }
}
