package gr.solidarity.ledger.query.opendata;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * WGS84 longitude and latitude to the Greek Grid (GGRS87 / ΕΓΣΑ87, EPSG:2100), in metres, with proj4j and the EPSG
 * definition it bundles (a Helmert shift to GGRS87, then transverse Mercator on 24°E). The shift is the published
 * three-parameter one: good to about a metre, which is far finer than anything the public registry shows.
 */
public final class GreekGrid {

    private static final CoordinateTransform FROM_WGS84 = transform();

    private GreekGrid() {
    }

    /** Easting and northing in metres. */
    public static double[] fromWgs84(double latitude, double longitude) {
        ProjCoordinate out = new ProjCoordinate();
        // a transform keeps intermediate state: one at a time
        synchronized (FROM_WGS84) {
            FROM_WGS84.transform(new ProjCoordinate(longitude, latitude), out);
        }
        return new double[] {out.x, out.y};
    }

    private static CoordinateTransform transform() {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem wgs84 = crs.createFromName("EPSG:4326");
        CoordinateReferenceSystem greekGrid = crs.createFromName("EPSG:2100");
        return new CoordinateTransformFactory().createTransform(wgs84, greekGrid);
    }
}
