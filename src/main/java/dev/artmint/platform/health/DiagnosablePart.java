package dev.artmint.platform.health;

/**
 * A part with a readiness check whose public answer (anyone may read {@code /q/health/ready}) carries no address, no
 * secret and no error text; what those would have said goes to administrators, by {@link ReadinessResource}.
 */
public interface DiagnosablePart {

    PartDiagnosis diagnose();
}
