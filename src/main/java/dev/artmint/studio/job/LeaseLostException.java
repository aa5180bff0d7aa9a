package dev.artmint.studio.job;

import java.util.UUID;

/** The worker no longer holds the job's lease: another worker took it over, so this one must write nothing more. */
class LeaseLostException extends RuntimeException {

    LeaseLostException(UUID jobId) {
        super("lost the lease of job " + jobId);
    }
}
