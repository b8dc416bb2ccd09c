package gr.solidarity.ledger.messages.common;

/** WGS84 coordinates in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {
}
