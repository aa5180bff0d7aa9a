package dev.artmint.studio.artwork;

/** What a buyer may do with a published artwork. */
public enum Licence {
    /** personal, non-commercial use */
    PERSONAL,
    /** commercial use as well */
    COMMERCIAL
}
